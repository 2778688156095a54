using System.Globalization;
using Terminal.Core.Attendance;

namespace Terminal.Hardware.Wiegand;

/// <summary>
/// A decoded badge: format name (<c>H10301</c>, <c>34bit</c>, <c>C1k35s</c>, <c>H10304</c>), facility
/// (company for Corporate 1000) and card number. <see cref="ToString"/> gives the roster form
/// <c>format:facility:number</c> (SPEC §5.5); use <see cref="Masked"/> in logs (SPEC §5.2).
/// </summary>
/// <param name="Format">Format name.</param>
/// <param name="Facility">Facility code (company id for Corporate 1000).</param>
/// <param name="Number">Card number.</param>
public sealed record WiegandCard(string Format, uint Facility, ulong Number)
{
    /// <summary>Roster form, e.g. <c>H10301:12:34567</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Format}:{Facility}:{Number}");

    /// <summary>For logs: all but the last 4 digits of the number masked, e.g. <c>H10301:12:*4567</c>.</summary>
    public string Masked()
    {
        var shown = CardMask.Mask(Number.ToString(CultureInfo.InvariantCulture));
        return string.Create(CultureInfo.InvariantCulture, $"{Format}:{Facility}:{shown}");
    }
}
