namespace Terminal.Hardware.Audio;

/// <summary>A prompt read into memory: its format and interleaved 16-bit samples.</summary>
/// <param name="Path">The file it was read from, for log lines.</param>
/// <param name="Format">Rate and channels.</param>
/// <param name="Samples">Interleaved samples (frames × channels).</param>
internal sealed record WaveSound(string Path, WaveFormat Format, short[] Samples)
{
    /// <summary>How long it plays.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / Format.Channels / Format.SampleRate);
}
