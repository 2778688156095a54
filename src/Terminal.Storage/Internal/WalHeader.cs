using System.Buffers.Binary;

namespace Terminal.Storage.Internal;

/// <summary>
/// Checks the WAL file header (sqlite.org/fileformat2.html §4.1). SQLite silently ignores a WAL
/// whose header is damaged, dropping the commits in it; the buffer quarantines instead.
/// </summary>
internal static class WalHeader
{
    private const uint MagicLittleEndian = 0x377f0682;
    private const uint MagicBigEndian = 0x377f0683;
    private const uint FormatVersion = 3007000;

    /// <summary>True when there is no WAL, it is shorter than a header (SQLite treats it as empty), or its header is intact.</summary>
    public static bool IsIntact(string walPath)
    {
        Span<byte> header = stackalloc byte[32];
        try
        {
            using var stream = new FileStream(walPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length < header.Length)
            {
                return true;
            }

            stream.ReadExactly(header);
        }
        catch (FileNotFoundException)
        {
            return true;
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (magic is not (MagicLittleEndian or MagicBigEndian)
            || BinaryPrimitives.ReadUInt32BigEndian(header[4..]) != FormatVersion)
        {
            return false;
        }

        // §4.1: checksum of the first 24 bytes, words read in the byte order the magic names.
        var bigEndian = magic == MagicBigEndian;
        uint s0 = 0, s1 = 0;
        for (var i = 0; i < 24; i += 8)
        {
            s0 += Word(header[i..], bigEndian) + s1;
            s1 += Word(header[(i + 4)..], bigEndian) + s0;
        }

        return s0 == BinaryPrimitives.ReadUInt32BigEndian(header[24..])
            && s1 == BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
    }

    private static uint Word(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
}
