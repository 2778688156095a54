namespace Terminal.Core.Attendance;

/// <summary>A decoded staff card.</summary>
/// <param name="Format">Card format, e.g. <c>H10301</c>.</param>
/// <param name="Facility">Facility code, if the format has one.</param>
/// <param name="Number">Card number as decoded.</param>
public sealed record BadgeSwipe(string Format, long? Facility, long Number)
{
    /// <summary>Roster form <c>format:facility:number</c> (SPEC §5.5).</summary>
    public string RosterKey => $"{Format}:{Facility?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}:{Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Card number masked for logs: all but the last 4 digits (SPEC §5.2).</summary>
    public string Masked => CardMask.Mask(Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
