namespace Terminal.Mqtt.Packets;

/// <summary>The variable byte integer of MQTT 5 §1.5.5: 7 bits per byte, at most 4 bytes.</summary>
internal static class VariableByteInteger
{
    /// <summary>268,435,455: the largest value four bytes can carry.</summary>
    public const int MaxValue = 0x0FFF_FFFF;

    public static int SizeOf(int value) => value switch
    {
        < 0 or > MaxValue => throw new ArgumentOutOfRangeException(nameof(value)),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    /// <summary>Writes the minimum number of bytes (§1.5.5 requires it) and returns how many.</summary>
    public static int Write(Span<byte> destination, int value)
    {
        var size = SizeOf(value);
        for (var i = 0; i < size; i++)
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            destination[i] = value > 0 ? (byte)(b | 0x80) : b;
        }

        return size;
    }

    /// <summary>
    /// Reads a value; false when more bytes are needed. A fifth continuation byte is malformed.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int consumed)
    {
        value = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i >= source.Length)
            {
                consumed = 0;
                return false;
            }

            var b = source[i];
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                consumed = i + 1;
                return true;
            }
        }

        throw new MqttProtocolException("Variable byte integer longer than 4 bytes (MQTT 5 §1.5.5).");
    }
}
