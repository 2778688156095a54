using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Terminal.Hardware.Audio;

/// <summary>
/// Reads a prompt from a RIFF/WAVE file: linear PCM, 16-bit, mono or stereo, 8–96 kHz — what the
/// player writes to ALSA as S16_LE (rate and channels are converted by ALSA's plug layer).
/// Anything else is refused with a reason a hall's technician can act on.
/// </summary>
internal static class WaveFile
{
    /// <summary>A prompt is a few seconds; a larger file is a mistake, not a prompt.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private const ushort FormatPcm = 1, FormatExtensible = 0xFFFE;

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Not a WAV the player can play; the message says why.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read by this user.</exception>
    public static WaveSound Load(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new InvalidDataException($"is {length / (1024 * 1024)} MiB; a prompt must be under {MaxBytes / (1024 * 1024)} MiB");
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses WAV bytes; <paramref name="path"/> is kept for log lines.</summary>
    /// <exception cref="InvalidDataException">Not a WAV the player can play.</exception>
    public static WaveSound Parse(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("is not a WAV file (no RIFF/WAVE header)");
        }

        WaveFormat? format = null;
        var rest = bytes[12..];
        while (rest.Length >= 8)
        {
            var id = rest[..4];
            var size = BinaryPrimitives.ReadUInt32LittleEndian(rest[4..8]);
            var body = rest[8..];
            if (id.SequenceEqual("fmt "u8))
            {
                format = Format(body[..(int)Math.Min(size, (uint)body.Length)]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw new InvalidDataException("has its data before its format (no 'fmt ' chunk first)");
                }

                // A recorder that streamed the file may leave the size unset: take what is there.
                var data = body[..(int)Math.Min(size, (uint)body.Length)];
                var samples = MemoryMarshal.Cast<byte, short>(data[..(data.Length / (2 * format.Channels) * 2 * format.Channels)]).ToArray();
                if (!BitConverter.IsLittleEndian)
                {
                    BinaryPrimitives.ReverseEndianness(samples, samples);
                }

                return samples.Length > 0 ? new WaveSound(path, format, samples) : throw new InvalidDataException("has no samples");
            }

            // Chunks are padded to an even size (RIFF).
            var skip = 8 + (long)size + (size & 1);
            rest = skip >= rest.Length ? [] : rest[(int)skip..];
        }

        throw new InvalidDataException(format is null ? "has no 'fmt ' chunk" : "has no 'data' chunk");
    }

    private static WaveFormat Format(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < 16)
        {
            throw new InvalidDataException("has a 'fmt ' chunk too short to describe its samples");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        // WAVE_FORMAT_EXTENSIBLE carries the real format in the first two bytes of its sub-format GUID.
        var pcm = tag == FormatPcm || (tag == FormatExtensible && fmt.Length >= 26 && BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]) == FormatPcm);
        if (!pcm)
        {
            throw new InvalidDataException($"is compressed or floating-point (format tag 0x{tag:X4}); save it as 16-bit PCM WAV");
        }

        if (bits != 16)
        {
            throw new InvalidDataException($"has {bits}-bit samples; save it as 16-bit PCM WAV");
        }

        if (channels is < 1 or > 2)
        {
            throw new InvalidDataException($"has {channels} channels; a prompt is mono or stereo");
        }

        if (rate is < 8000 or > 96000)
        {
            throw new InvalidDataException($"has a sample rate of {rate} Hz; use 8000–96000 Hz (e.g. 22050, 44100 or 48000)");
        }

        return new WaveFormat(rate, channels);
    }
}
