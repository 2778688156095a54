using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Terminal.TestUtils.Images;

/// <summary>
/// Small, valid PNG files made in code (no binary fixtures): a portrait-like picture for staff photos
/// on the front panel. PNG per RFC 2083: signature, IHDR, one zlib IDAT of filtered rows, IEND.
/// </summary>
public static class TestPng
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A width×height portrait: a coloured background, a head and shoulders; <paramref name="hue"/> varies it.</summary>
    public static byte[] Portrait(int width = 120, int height = 160, int hue = 0)
    {
        var rows = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = Pixel(x, y, width, height, hue);
                rows[row + 1 + (x * 3)] = r;
                rows[row + 2 + (x * 3)] = g;
                rows[row + 3 + (x * 3)] = b;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(rows);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static (byte R, byte G, byte B) Pixel(int x, int y, int width, int height, int hue)
    {
        double dx = x - (width / 2.0), dy = y - (height * 0.38);
        if ((dx * dx) + (dy * dy) < Math.Pow(width * 0.22, 2))
        {
            return (236, 200, 170); // face
        }

        if (y > height * 0.62 && Math.Abs(dx) < width * (0.18 + ((y - (height * 0.62)) / height)))
        {
            return ((byte)(30 + hue), 60, 120); // shoulders, a dark suit
        }

        return ((byte)(190 - (y / 4)), (byte)(210 - (y / 5)), (byte)(235 - hue)); // backdrop
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typed));
        png.Write(number);
    }

    private static uint Crc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
