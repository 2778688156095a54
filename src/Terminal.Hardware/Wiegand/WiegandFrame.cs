using System.Globalization;
using System.Text;

namespace Terminal.Hardware.Wiegand;

/// <summary>
/// The bits of one Wiegand transmission, first-sent bit first (at most 64). Position 0 is the
/// first bit on the wire, which is also the most significant bit of <see cref="Value"/>, so the
/// value reads like the hex that reader tools print.
/// </summary>
public readonly record struct WiegandFrame
{
    /// <summary>Longest frame the decoder keeps; longer transmissions are reader noise.</summary>
    public const int MaxLength = 64;

    /// <summary>Creates a frame from its value (first bit = most significant) and length.</summary>
    public WiegandFrame(ulong value, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        Value = length == MaxLength ? value : value & ((1UL << length) - 1);
        Length = length;
    }

    /// <summary>The bits as a number: the first bit sent is bit <c>Length - 1</c>.</summary>
    public ulong Value { get; }

    /// <summary>Number of bits.</summary>
    public int Length { get; }

    /// <summary>Bit at <paramref name="position"/> (0 = first sent).</summary>
    public bool this[int position] => ((Value >> (Length - 1 - position)) & 1) != 0;

    /// <summary>Parses a bit string such as <c>01011</c> (first bit first; spaces and underscores ignored).</summary>
    /// <exception cref="FormatException">A character other than 0/1, or more than 64 bits.</exception>
    public static WiegandFrame Parse(string bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        ulong value = 0;
        var length = 0;
        foreach (var c in bits)
        {
            if (c is ' ' or '_')
            {
                continue;
            }

            if (c is not ('0' or '1'))
            {
                throw new FormatException($"a Wiegand frame is written with 0 and 1 only, found '{c}'");
            }

            if (++length > MaxLength)
            {
                throw new FormatException($"a Wiegand frame has at most {MaxLength} bits");
            }

            value = (value << 1) | (c == '1' ? 1UL : 0UL);
        }

        return new WiegandFrame(value, length);
    }

    /// <summary>Appends one bit at the end (the decoder builds frames this way).</summary>
    public WiegandFrame Append(bool bit) => new((Value << 1) | (bit ? 1UL : 0UL), Length + 1);

    /// <summary>Reads <paramref name="count"/> bits from <paramref name="start"/> as a number, first bit most significant.</summary>
    public ulong Field(int start, int count) =>
        (Value >> (Length - start - count)) & (count == 64 ? ulong.MaxValue : (1UL << count) - 1);

    /// <summary>The bits, first sent first, e.g. <c>0010110100…</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Length);
        for (var i = 0; i < Length; i++)
        {
            text.Append(this[i] ? '1' : '0');
        }

        return text.ToString();
    }

    /// <summary>The value in hex with the bit count, e.g. <c>4A72010B3/35</c>, as reader tools print it.</summary>
    public string ToHex() => Value.ToString("X", CultureInfo.InvariantCulture) + "/" + Length.ToString(CultureInfo.InvariantCulture);
}
