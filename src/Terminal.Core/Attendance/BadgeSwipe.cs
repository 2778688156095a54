using System.Globalization;

namespace Terminal.Core.Attendance;

/// <summary>
/// A decoded staff card and the reader it came from (SPEC §5.1 <c>attendance</c>): a Wiegand or
/// keyboard-reader number (<c>format</c>, <c>facility</c>, decimal <c>card</c>) or a MIFARE/NFC UID
/// (format <c>UID</c>, no facility, the UID in upper-case hex).
/// </summary>
public sealed record BadgeSwipe
{
    /// <summary>A Wiegand card read on the Wiegand reader.</summary>
    /// <param name="format">Card format, e.g. <c>H10301</c>.</param>
    /// <param name="facility">Facility code, if the format has one.</param>
    /// <param name="number">Card number as decoded.</param>
    public BadgeSwipe(string format, long? facility, long number)
        : this(format, facility, number.ToString(CultureInfo.InvariantCulture), BadgeReaders.Wiegand)
    {
    }

    /// <summary>A numbered card (decimal digits) from any reader.</summary>
    /// <param name="format">Card format, e.g. <c>H10301</c>; not <c>UID</c> (use <see cref="Uid"/>).</param>
    /// <param name="facility">Facility code, or null.</param>
    /// <param name="card">The card number's digits as decoded.</param>
    /// <param name="reader">The reader kind, one of <see cref="BadgeReaders"/>.</param>
    /// <exception cref="ArgumentException">The number is not decimal digits, or the format is <c>UID</c>.</exception>
    public BadgeSwipe(string format, long? facility, string card, string reader)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        ArgumentException.ThrowIfNullOrEmpty(card);
        if (string.Equals(format, CardKey.UidFormat, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("a UID card is made with BadgeSwipe.Uid", nameof(format));
        }

        if (!card.All(char.IsAsciiDigit) || card.Length > 18)
        {
            throw new ArgumentException($"a card number is 1–18 decimal digits, not {card.Length} characters", nameof(card));
        }

        Format = format;
        Facility = facility;
        Card = card;
        Reader = BadgeReaders.Require(reader);
    }

    private BadgeSwipe(string uidHex, string reader)
    {
        Format = CardKey.UidFormat;
        Card = uidHex;
        Reader = BadgeReaders.Require(reader);
    }

    /// <summary>Card format, e.g. <c>H10301</c>, or <c>UID</c>.</summary>
    public string Format { get; }

    /// <summary>Facility code, if the format has one; null for UID cards.</summary>
    public long? Facility { get; }

    /// <summary>The full card number as decoded (SPEC §5.1 <c>card</c>): decimal digits, or the UID in upper-case hex.</summary>
    public string Card { get; }

    /// <summary>The reader kind (SPEC §5.1 <c>reader</c>): <c>wiegand</c>, <c>usb-hid</c>, <c>mfrc522</c> or <c>pn532</c>.</summary>
    public string Reader { get; }

    /// <summary>Roster form <c>format:facility:number</c>, or <c>UID::&lt;hex&gt;</c> (SPEC §5.5).</summary>
    public string RosterKey => $"{Format}:{Facility?.ToString(CultureInfo.InvariantCulture) ?? ""}:{Card}";

    /// <summary>Card number masked for logs: all but the last 4 characters (SPEC §5.2).</summary>
    public string Masked => CardMask.Mask(Card);

    /// <summary>A MIFARE/NFC card's UID (4, 7 or 10 bytes) as a reader module or a keyboard reader reported it.</summary>
    /// <param name="uidHex">The UID in hex, either case; kept in upper case.</param>
    /// <param name="reader">The reader kind, one of <see cref="BadgeReaders"/>.</param>
    /// <exception cref="ArgumentException">Not an even number of hex digits, or not 1–10 bytes.</exception>
    public static BadgeSwipe Uid(string uidHex, string reader)
    {
        if (!CardKey.TryNormaliseUid(uidHex, out var normalised))
        {
            throw new ArgumentException($"'{uidHex}' is not a UID (2–20 hex digits, whole bytes)", nameof(uidHex));
        }

        return new BadgeSwipe(normalised, reader);
    }
}
