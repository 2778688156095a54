using System.Globalization;

namespace Terminal.Core.Attendance;

/// <summary>
/// A card as the roster names it, <c>format:facility:number</c> (SPEC §5.5), normalised so that
/// <c>h10301:012:034567</c> and a decoded H10301 frame with facility 12, number 34567 are equal:
/// format case-insensitive, numbers compared by value. A format without facility is written
/// <c>format::number</c> or <c>format:number</c>.
/// </summary>
/// <param name="Format">Card format, upper case.</param>
/// <param name="Facility">Facility code, or null.</param>
/// <param name="Number">Card number.</param>
public readonly record struct CardKey(string Format, long? Facility, long Number)
{
    /// <summary>The key of a decoded swipe.</summary>
    public static CardKey Of(BadgeSwipe swipe)
    {
        ArgumentNullException.ThrowIfNull(swipe);
        return new CardKey(swipe.Format.ToUpperInvariant(), swipe.Facility, swipe.Number);
    }

    /// <summary>Parses the roster form; false with a reason when it is not one.</summary>
    public static bool TryParse(string? text, out CardKey key, out string error)
    {
        key = default;
        var parts = (text ?? "").Split(':');
        if (parts.Length is not (2 or 3) || parts[0].Length == 0)
        {
            error = $"'{text}' is not format:facility:number";
            return false;
        }

        long? facility = null;
        if (parts.Length == 3 && parts[1].Length > 0)
        {
            if (!TryNumber(parts[1], out var value))
            {
                error = $"'{text}': facility '{parts[1]}' is not a non-negative integer";
                return false;
            }

            facility = value;
        }

        if (!TryNumber(parts[^1], out var number))
        {
            error = $"'{text}': number '{parts[^1]}' is not a non-negative integer";
            return false;
        }

        key = new CardKey(parts[0].ToUpperInvariant(), facility, number);
        error = "";
        return true;
    }

    /// <summary>The canonical roster form.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Format}:{Facility}:{Number}");

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
