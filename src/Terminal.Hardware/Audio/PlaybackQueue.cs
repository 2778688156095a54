namespace Terminal.Hardware.Audio;

/// <summary>
/// The player's one-slot queue: the request playing and at most one waiting. A new request replaces
/// the waiting one and cuts the one playing (SPEC §3.4: a new cue cuts the prompt). Callers never
/// wait here for longer than a few field updates; only the player's thread blocks, in <see cref="Next"/>.
/// </summary>
internal sealed class PlaybackQueue
{
    // A monitor, not a Lock: the player's thread waits on it for work (Monitor.Wait).
    private readonly object _gate = new();
    private PlaybackRequest? _pending;
    private PlaybackRequest? _current;
    private bool _closed;

    /// <summary>Queues <paramref name="request"/>, cutting what plays; after <see cref="Close"/> it is cut at once.</summary>
    public void Enqueue(PlaybackRequest request)
    {
        lock (_gate)
        {
            if (_closed)
            {
                Abandon(request);
                return;
            }

            if (_pending is not null)
            {
                Abandon(_pending);
            }

            _current?.Cut();
            _pending = request;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Cuts <paramref name="prompt"/> if it is playing or waiting.</summary>
    public void Stop(VoicePrompt prompt)
    {
        lock (_gate)
        {
            if (_pending?.Prompt == prompt)
            {
                Abandon(_pending);
                _pending = null;
            }

            if (_current?.Prompt == prompt)
            {
                _current.Cut();
            }
        }
    }

    /// <summary>The player's thread: the next request to play, or null once closed.</summary>
    public PlaybackRequest? Next()
    {
        lock (_gate)
        {
            while (_pending is null && !_closed)
            {
                Monitor.Wait(_gate);
            }

            _current = _closed ? null : _pending;
            _pending = null;
            Monitor.PulseAll(_gate);
            return _current;
        }
    }

    /// <summary>The player's thread finished the current request.</summary>
    public void Done()
    {
        lock (_gate)
        {
            _current = null;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Cuts everything and lets <see cref="Next"/> return null.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            if (_pending is not null)
            {
                Abandon(_pending);
                _pending = null;
            }

            _current?.Cut();
            Monitor.PulseAll(_gate);
        }
    }

    public bool IsIdle()
    {
        lock (_gate)
        {
            return _pending is null && _current is null;
        }
    }

    /// <summary>Waits until nothing waits or plays; false at the deadline.</summary>
    public bool WaitIdle(TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_gate)
        {
            while (_pending is not null || _current is not null)
            {
                var left = timeout - System.Diagnostics.Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(_gate, left);
            }

            return true;
        }
    }

    private static void Abandon(PlaybackRequest request)
    {
        request.Cut();
        request.Complete(new VoicePlayback(request.Prompt, VoicePlaybackOutcome.Cut, string.Empty));
    }
}
