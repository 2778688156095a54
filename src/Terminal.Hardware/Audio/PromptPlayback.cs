using System.Buffers;

namespace Terminal.Hardware.Audio;

/// <summary>
/// Plays one prompt on an ALSA device from the player's thread: open, write in short chunks (a cut
/// is noticed between two), let the tail play out while listening for a cut, then drain and close.
/// A cut drops what the device has not played yet, so the next prompt starts at once.
/// </summary>
internal static class PromptPlayback
{
    /// <summary>Buffer asked of ALSA: enough to ride out a busy moment of the 2-core board, short enough to stay responsive.</summary>
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);

    /// <summary>Samples per write: the longest a cut waits before the player sees it.</summary>
    public static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(20);

    public static VoicePlayback Play(WaveSound sound, string device, int volume, PlaybackRequest request)
    {
        try
        {
            using var pcm = AlsaPcm.Open(device, sound.Format, Latency);
            var chunk = sound.Format.Frames(Chunk) * sound.Format.Channels;
            var scratch = ArrayPool<short>.Shared.Rent(chunk);
            try
            {
                for (var offset = 0; offset < sound.Samples.Length; offset += chunk)
                {
                    if (request.IsCut)
                    {
                        return Cut(pcm, request, wrote: offset > 0);
                    }

                    var samples = sound.Samples.AsSpan(offset, Math.Min(chunk, sound.Samples.Length - offset));
                    pcm.Write(Scale(samples, volume, scratch));
                }
            }
            finally
            {
                ArrayPool<short>.Shared.Return(scratch);
            }

            // The device still holds up to Latency of sound: wait for it to play, but not through a cut.
            for (var pending = pcm.PendingFrames(); pending > 0; pending = pcm.PendingFrames())
            {
                var left = TimeSpan.FromSeconds((double)pending / sound.Format.SampleRate);
                if (request.WaitForCut(left < Chunk ? left : Chunk))
                {
                    return Cut(pcm, request, wrote: true);
                }
            }

            pcm.Drain();
            return new VoicePlayback(request.Prompt, VoicePlaybackOutcome.Played, string.Empty) { ReachedDevice = true };
        }
        catch (AudioException e)
        {
            return new VoicePlayback(request.Prompt, VoicePlaybackOutcome.Failed, e.Message);
        }
    }

    private static VoicePlayback Cut(AlsaPcm pcm, PlaybackRequest request, bool wrote)
    {
        pcm.Drop();
        return new VoicePlayback(request.Prompt, VoicePlaybackOutcome.Cut, string.Empty) { ReachedDevice = wrote };
    }

    /// <summary><c>Voice:Volume</c> as a linear gain: 100 leaves the recording untouched, 50 halves its amplitude.</summary>
    private static ReadOnlySpan<short> Scale(ReadOnlySpan<short> samples, int volume, short[] scratch)
    {
        if (volume >= 100)
        {
            return samples;
        }

        var scaled = scratch.AsSpan(0, samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            scaled[i] = (short)(samples[i] * volume / 100);
        }

        return scaled;
    }
}
