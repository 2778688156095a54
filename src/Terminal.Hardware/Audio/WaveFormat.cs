namespace Terminal.Hardware.Audio;

/// <summary>The format of a prompt's samples: always 16-bit signed little-endian PCM, interleaved.</summary>
/// <param name="SampleRate">Frames per second, e.g. 22050 (espeak-ng) or 48000.</param>
/// <param name="Channels">1 (mono) or 2 (stereo).</param>
internal sealed record WaveFormat(int SampleRate, int Channels)
{
    /// <summary>Frames in <paramref name="duration"/>, at least one.</summary>
    public int Frames(TimeSpan duration) => Math.Max(1, (int)(SampleRate * duration.TotalSeconds));

    /// <inheritdoc/>
    public override string ToString() => $"16-bit {SampleRate} Hz {(Channels == 1 ? "mono" : "stereo")}";
}
