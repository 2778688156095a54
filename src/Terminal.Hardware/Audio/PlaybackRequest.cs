namespace Terminal.Hardware.Audio;

/// <summary>One prompt to play; a newer cue cuts it. The self-test awaits its outcome.</summary>
internal sealed class PlaybackRequest(VoicePrompt prompt, bool awaited)
{
    // A monitor, not a Lock: the player's thread waits on it for a cut (Monitor.Wait).
    private readonly object _gate = new();
    private readonly TaskCompletionSource<VoicePlayback>? _outcome =
        awaited ? new(TaskCreationOptions.RunContinuationsAsynchronously) : null;

    private volatile bool _cut;

    public VoicePrompt Prompt => prompt;

    /// <summary>Read by the player's thread between chunks; set by any thread.</summary>
    public bool IsCut => _cut;

    public Task<VoicePlayback> Outcome => _outcome?.Task ?? throw new InvalidOperationException("nobody awaits this playback");

    public void Cut()
    {
        lock (_gate)
        {
            _cut = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a cut; true when cut.</summary>
    public bool WaitForCut(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (!_cut)
            {
                Monitor.Wait(_gate, timeout);
            }

            return _cut;
        }
    }

    public void Complete(VoicePlayback playback) => _outcome?.TrySetResult(playback);
}
