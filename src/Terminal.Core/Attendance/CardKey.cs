using System.Globalization;

namespace Terminal.Core.Attendance;

/// <summary>
/// A card as the roster names it, <c>format:facility:number</c> (SPEC §5.5), normalised so that
/// <c>h10301:012:034567</c> and a decoded H10301 frame with facility 12, number 34567 are equal:
/// format case-insensitive, numbers compared by value. A format without facility is written
/// <c>format::number</c> or <c>format:number</c>. UID cards are <c>UID::&lt;hex&gt;</c>: the number is
/// the UID's bytes in hex, compared without regard to case (leading zeros are part of the UID).
/// </summary>
/// <param name="Format">Card format, upper case.</param>
/// <param name="Facility">Facility code, or null (always null for UID cards).</param>
/// <param name="Number">Card number in canonical form: decimal without leading zeros, or the UID in upper-case hex.</param>
public readonly record struct CardKey(string Format, long? Facility, string Number)
{
    /// <summary>The format of MIFARE/NFC cards known by their UID.</summary>
    public const string UidFormat = "UID";

    /// <summary>The key of a decoded swipe.</summary>
    public static CardKey Of(BadgeSwipe swipe)
    {
        ArgumentNullException.ThrowIfNull(swipe);
        var number = swipe.Format == UidFormat || !long.TryParse(swipe.Card, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? swipe.Card
            : value.ToString(CultureInfo.InvariantCulture);
        return new CardKey(swipe.Format.ToUpperInvariant(), swipe.Facility, number);
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

        var format = parts[0].ToUpperInvariant();
        if (format == UidFormat)
        {
            return TryParseUid(text!, parts, out key, out error);
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

        key = new CardKey(format, facility, number.ToString(CultureInfo.InvariantCulture));
        error = "";
        return true;
    }

    /// <summary>A UID in hex (whole bytes, 1–10 of them) in upper case; false when it is not one.</summary>
    public static bool TryNormaliseUid(string? hex, out string normalised)
    {
        normalised = "";
        if (hex is null || hex.Length is < 2 or > 20 || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        normalised = hex.ToUpperInvariant();
        return true;
    }

    /// <summary>The canonical roster form.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Format}:{Facility}:{Number}");

    private static bool TryParseUid(string text, string[] parts, out CardKey key, out string error)
    {
        key = default;
        if (parts.Length == 3 && parts[1].Length > 0)
        {
            error = $"'{text}': a UID card has no facility (UID::<hex>)";
            return false;
        }

        if (!TryNormaliseUid(parts[^1], out var uid))
        {
            error = $"'{text}': UID '{parts[^1]}' is not 2–20 hex digits in whole bytes";
            return false;
        }

        key = new CardKey(UidFormat, null, uid);
        error = "";
        return true;
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
