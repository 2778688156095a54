namespace Terminal.Hardware.Tests.Readers.Modules.Fakes;

/// <summary>CRC_A of ISO/IEC 14443-3 Annex B (initial 0x6363), low byte first on the air.</summary>
internal static class Crc
{
    public static ushort Of(ReadOnlySpan<byte> data)
    {
        ushort crc = 0x6363;
        foreach (var b in data)
        {
            var ch = (byte)(b ^ (byte)crc);
            ch ^= (byte)(ch << 4);
            crc = (ushort)((crc >> 8) ^ (ch << 8) ^ (ch << 3) ^ (ch >> 4));
        }

        return crc;
    }

    public static byte[] Append(byte[] data)
    {
        var crc = Of(data);
        return [.. data, (byte)crc, (byte)(crc >> 8)];
    }

    /// <summary>Whether the last two bytes are the CRC_A of the others.</summary>
    public static bool Check(ReadOnlySpan<byte> frame)
    {
        var crc = Of(frame[..^2]);
        return frame[^2] == (byte)crc && frame[^1] == (byte)(crc >> 8);
    }
}
