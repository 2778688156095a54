using Terminal.Hardware.Audio;
using Terminal.TestUtils.Audio;

namespace Terminal.Hardware.Tests.Audio;

public sealed class WaveFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wave-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ShippedPrompt_IsRead_SampleForSample()
    {
        var sound = WaveFile.Load(VoiceRig.Shipped(VoicePrompt.Thanks));

        Assert.Equal(new WaveFormat(22050, 1), sound.Format);
        var expected = VoiceRig.Samples(VoicePrompt.Thanks);
        Assert.Equal(expected.Length / 2, sound.Samples.Length);
        Assert.True(expected.AsSpan().SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(sound.Samples.AsSpan())));
    }

    [Theory]
    [InlineData(new[] { "-r", "44100", "-c", "2" }, 44100, 2)]
    [InlineData(new[] { "-r", "8000" }, 8000, 1)]
    public void RecordingConvertedBySox_IsRead(string[] options, int rate, int channels)
    {
        var path = Convert(options);

        var sound = WaveFile.Load(path);

        Assert.Equal(new WaveFormat(rate, channels), sound.Format);
        Assert.Equal(Sox.RawSamples(path).Length / 2, sound.Samples.Length);
    }

    [Theory]
    [InlineData(new[] { "-b", "24" }, "24-bit samples")]
    [InlineData(new[] { "-e", "floating-point", "-b", "32" }, "compressed or floating-point")]
    [InlineData(new[] { "-e", "a-law" }, "compressed or floating-point")]
    [InlineData(new[] { "-b", "8" }, "8-bit samples")]
    public void RecordingInAnotherEncoding_IsRefused_SayingWhy(string[] options, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => WaveFile.Load(Convert(options)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAWav_IsRefused()
    {
        var path = Path.Combine(_dir, "prompt.wav");
        File.WriteAllText(path, "ID3 this is an mp3 renamed");

        var error = Assert.Throws<InvalidDataException>(() => WaveFile.Load(path));

        Assert.Contains("not a WAV file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 16000, "3 channels")]
    [InlineData(1, 4000, "4000 Hz")]
    [InlineData(1, 192000, "192000 Hz")]
    public void UnplayableShape_IsRefused(int channels, int rate, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => WaveFile.Parse(WaveBytes.Make(rate, channels), "x.wav"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSamples_IsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => WaveFile.Parse(WaveBytes.Make(frames: 0), "x.wav"));

        Assert.Contains("no samples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OddSizedChunkBeforeTheData_IsSkippedWithItsPadding()
    {
        var sound = WaveFile.Parse(WaveBytes.Make(frames: 10, chunkBeforeData: new byte[7]), "x.wav");

        Assert.Equal(10, sound.Samples.Length);
        Assert.Equal(37 * 2, sound.Samples[1]);
    }

    [Fact]
    public void ExtensiblePcm_IsRead()
    {
        var sound = WaveFile.Parse(WaveBytes.Make(48000, 2, frames: 10, extensiblePcm: true), "x.wav");

        Assert.Equal(new WaveFormat(48000, 2), sound.Format);
        Assert.Equal(20, sound.Samples.Length);
    }

    [Fact]
    public void DataSizeLeftUnsetByAStreamingRecorder_TakesWhatIsThere()
    {
        var sound = WaveFile.Parse(WaveBytes.Make(frames: 10, dataSize: uint.MaxValue), "x.wav");

        Assert.Equal(10, sound.Samples.Length);
    }

    [Fact]
    public void HugeFile_IsRefused_BeforeBeingRead()
    {
        var path = Path.Combine(_dir, "prompt.wav");
        using (var file = File.Create(path))
        {
            file.SetLength(WaveFile.MaxBytes + 1);
        }

        var error = Assert.Throws<InvalidDataException>(() => WaveFile.Load(path));

        Assert.Contains("MiB", error.Message, StringComparison.Ordinal);
    }

    private string Convert(string[] options)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.wav");
        Sox.Run("sox", [VoiceRig.Shipped(VoicePrompt.Thanks), .. options, path]);
        return path;
    }
}
