using System.Runtime.InteropServices;
using Terminal.Hardware.Audio.Interop;

namespace Terminal.Hardware.Audio;

/// <summary>
/// One playback stream on an ALSA PCM, opened for one prompt and closed after it. Not thread-safe:
/// the voice player's own thread is its only user. Every failure is an <see cref="AudioException"/>
/// naming the device and ALSA's reason.
/// </summary>
internal sealed class AlsaPcm : IDisposable
{
    private readonly string _device;
    private readonly int _channels;
    private nint _pcm;

    private static int _silenced;

    private AlsaPcm(nint pcm, string device, int channels)
    {
        _pcm = pcm;
        _device = device;
        _channels = channels;
    }

    /// <summary>Opens <paramref name="device"/> for <paramref name="format"/> with about <paramref name="latency"/> of buffer.</summary>
    /// <exception cref="AudioException">The device is missing, busy or does not take the format, or libasound2 is not installed.</exception>
    public static AlsaPcm Open(string device, WaveFormat format, TimeSpan latency)
    {
        nint pcm;
        try
        {
            if (Interlocked.Exchange(ref _silenced, 1) == 0)
            {
                LibAsound.SilenceErrorOutput();
            }

            // Non-blocking open: a busy hw device answers EBUSY at once instead of waiting until it is free.
            Check(LibAsound.snd_pcm_open(out pcm, device, LibAsound.StreamPlayback, LibAsound.OpenNonBlock), device, "cannot be opened");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new AudioException($"ALSA device '{device}': libasound2 is not installed ({e.Message})", e);
        }

        var stream = new AlsaPcm(pcm, device, format.Channels);
        try
        {
            // Blocking writes from here on: the device's clock paces the player's thread.
            Check(LibAsound.snd_pcm_nonblock(pcm, 0), device, "cannot switch to blocking writes");
            // soft_resample = 1: ALSA's plug layer converts rate and channels when the device needs it.
            Check(
                LibAsound.snd_pcm_set_params(pcm, LibAsound.FormatS16Le, LibAsound.AccessRwInterleaved, (uint)format.Channels, (uint)format.SampleRate, 1, (uint)latency.TotalMicroseconds),
                device,
                $"does not take {format}");
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Writes interleaved samples; blocks while the device's buffer is full. An underrun is recovered silently.</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        while (samples.Length >= _channels)
        {
            var written = (long)LibAsound.snd_pcm_writei(_pcm, ref MemoryMarshal.GetReference(samples), (nuint)(samples.Length / _channels));
            if (written < 0)
            {
                // EPIPE (underrun: the thread came late) and ESTRPIPE (suspend) are recoverable; anything else is the speaker.
                Check(LibAsound.snd_pcm_recover(_pcm, (int)written, 1), _device, "write failed");
                continue;
            }

            samples = samples[(int)(written * _channels)..];
        }
    }

    /// <summary>Frames written but not yet played; 0 once the device ran dry.</summary>
    public long PendingFrames() => LibAsound.snd_pcm_delay(_pcm, out var delay) < 0 ? 0 : Math.Max(0, (long)delay);

    /// <summary>Lets what was written play to its end (and plugins flush it).</summary>
    public void Drain()
    {
        var rc = LibAsound.snd_pcm_drain(_pcm);
        // EPIPE: the stream had already run dry (an underrun at the very end): everything was played.
        if (rc < 0 && rc != -32)
        {
            Check(rc, _device, "could not finish playing");
        }
    }

    /// <summary>Stops at once, discarding what was not played yet: a new cue cuts the prompt.</summary>
    public void Drop() => _ = LibAsound.snd_pcm_drop(_pcm);

    public void Dispose()
    {
        if (_pcm != 0)
        {
            _ = LibAsound.snd_pcm_close(_pcm);
            _pcm = 0;
        }
    }

    private static void Check(int rc, string device, string what)
    {
        if (rc < 0)
        {
            throw new AudioException($"ALSA device '{device}' {what}: {LibAsound.Message(rc)}");
        }
    }
}
