using System.Globalization;

namespace Terminal.Hardware.Readers.Keyboard;

/// <summary>How a keyboard reader's digits become a card (board file <c>readers[].digits</c>).</summary>
public enum TypedDigits
{
    /// <summary>
    /// <c>uid-decimal</c>: the card's UID as one decimal number (the common "10D" setting: 4 bytes,
    /// up to 10 digits; 7-byte UIDs up to 17 digits); reported as a UID card (<c>UID::&lt;hex&gt;</c>).
    /// </summary>
    UidDecimal,

    /// <summary><c>wiegand26</c>: 8 digits, facility (3) then card number (5), as an H10301 card.</summary>
    Wiegand26,

    /// <summary><c>raw</c>: the digits are the card number, format <c>RAW</c> (roster <c>RAW::digits</c>).</summary>
    Raw,
}

/// <summary>Turns a typed line of digits into a card as the board file says.</summary>
/// <param name="Digits">The digits' meaning.</param>
/// <param name="UidLsbFirst">For <see cref="TypedDigits.UidDecimal"/>: the reader types the UID's bytes reversed (board <c>byteOrder: lsb-first</c>).</param>
public sealed record TypedCardFormat(TypedDigits Digits, bool UidLsbFirst = false)
{
    /// <summary>The most digits a line may have: more is noise.</summary>
    public int MaxDigits => Digits switch
    {
        TypedDigits.UidDecimal => 17, // 2^56 - 1, a 7-byte UID
        TypedDigits.Wiegand26 => 8,
        _ => 18, // what a 64-bit number always holds
    };

    /// <summary>The card for <paramref name="digits"/>, or null with the reason it is not one.</summary>
    public ReaderCard? Decode(string digits, out string reason)
    {
        reason = "";
        if (digits.Length == 0 || digits.Length > MaxDigits || !digits.All(char.IsAsciiDigit))
        {
            reason = digits.Length > MaxDigits ? $"more than {MaxDigits} digits" : "not digits";
            return null;
        }

        switch (Digits)
        {
            case TypedDigits.Wiegand26:
                var facility = uint.Parse(digits.AsSpan(0, Math.Min(3, digits.Length)), CultureInfo.InvariantCulture);
                if (digits.Length != 8 || facility > 255 || uint.Parse(digits.AsSpan(3), CultureInfo.InvariantCulture) is var number && number > 65535)
                {
                    reason = "not 8 digits of facility (0–255) and card number (0–65535)";
                    return null;
                }

                return new ReaderCard("H10301", facility, number.ToString(CultureInfo.InvariantCulture));
            case TypedDigits.UidDecimal:
                var value = ulong.Parse(digits, CultureInfo.InvariantCulture);
                var length = value <= uint.MaxValue ? 4 : 7;
                Span<byte> uid = stackalloc byte[8];
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(uid, value);
                var bytes = uid[(8 - length)..];
                if (UidLsbFirst)
                {
                    bytes.Reverse();
                }

                return ReaderCard.Uid(bytes);
            default:
                return new ReaderCard("RAW", null, digits);
        }
    }
}
