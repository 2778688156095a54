using System.Buffers.Binary;

namespace Terminal.Hardware.Tests.Audio;

/// <summary>Hand-made WAV files for the header cases a recorder or editor may produce.</summary>
internal static class WaveBytes
{
    public static byte[] Make(int rate = 16000, int channels = 1, int bits = 16, ushort tag = 1, int frames = 100, byte[]? chunkBeforeData = null, uint? dataSize = null, bool extensiblePcm = false)
    {
        var data = new byte[frames * channels * bits / 8];
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i), (short)(i * 37));
        }

        var fmt = new byte[extensiblePcm ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, extensiblePcm ? (ushort)0xFFFE : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), rate * channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        if (extensiblePcm)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), tag); // sub-format GUID's first two bytes
        }

        var body = new MemoryStream();
        body.Write("WAVE"u8);
        Chunk(body, "fmt ", fmt);
        if (chunkBeforeData is not null)
        {
            Chunk(body, "LIST", chunkBeforeData);
        }

        Chunk(body, "data", data, dataSize);
        var file = new MemoryStream();
        file.Write("RIFF"u8);
        file.Write(BitConverter.GetBytes((uint)body.Length));
        body.WriteTo(file);
        return file.ToArray();
    }

    private static void Chunk(MemoryStream stream, string id, byte[] body, uint? size = null)
    {
        stream.Write(System.Text.Encoding.ASCII.GetBytes(id));
        stream.Write(BitConverter.GetBytes(size ?? (uint)body.Length));
        stream.Write(body);
        if (body.Length % 2 == 1)
        {
            stream.WriteByte(0);
        }
    }
}
