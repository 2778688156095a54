using Terminal.Hardware.Gpio;

namespace Terminal.Hardware.Keys;

/// <summary>
/// Software debounce of one key from its edges (request the line with the board's active-low and
/// <c>Edges = Both</c>, so pressed is a logical rising edge). A new level is accepted once it has
/// been stable for <see cref="KeyDebounceOptions.Settle"/>: either the next edge's kernel timestamp
/// shows that (edges read late), or a <see cref="TimeProvider"/> timer confirms that no edge came —
/// which is how a press is recognised without waiting for the release. Kernel debounce is not used:
/// it delays and re-stamps events.
/// </summary>
/// <remarks>
/// Thread-safe. The sink is called under the debouncer's lock (from <see cref="OnEdge"/> or a
/// timer): keep it short and do not call back into the debouncer.
/// </remarks>
public sealed class KeyDebouncer : IDisposable
{
    private readonly Lock _gate = new();
    private readonly KeyDebounceOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<KeyEvent> _sink;
    private readonly ITimer _settleTimer;
    private readonly long _settleNs;
    private bool _accepted;
    private bool _level;
    private bool _seenEdge;
    private long _lastEdgeNs;
    private long _burstStartNs;
    private long? _pressedAtNs;
    private long _pressedAtTicks;
    private long _lastEdgeProcessed;

    /// <summary>Creates the debouncer; <paramref name="initiallyPressed"/> is the line's value when requested (a key down at start-up reports only its release).</summary>
    public KeyDebouncer(KeyId key, KeyDebounceOptions options, TimeProvider time, Action<KeyEvent> sink, bool initiallyPressed = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(sink);
        Key = key;
        _options = options;
        _time = time;
        _sink = sink;
        _settleNs = options.Settle.Ticks * 100;
        _settleTimer = time.CreateTimer(_ => OnSettled(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (initiallyPressed)
        {
            _accepted = _level = true;
            _pressedAtTicks = time.GetTimestamp();
        }
    }

    /// <summary>The key.</summary>
    public KeyId Key { get; }

    /// <summary>Whether the key is down (debounced).</summary>
    public bool IsPressed
    {
        get
        {
            lock (_gate)
            {
                return _accepted;
            }
        }
    }

    /// <summary>Feeds one edge; returns false (and ignores it) when it is not on this key's line.</summary>
    public bool OnEdge(in EdgeEvent edge)
    {
        if (edge.Offset != Key.Offset)
        {
            return false;
        }

        lock (_gate)
        {
            var quietNs = edge.TimestampNs - _lastEdgeNs;
            if (_level != _accepted && quietNs >= _settleNs)
            {
                Accept(_level);
            }

            if (!_seenEdge || quietNs >= _settleNs)
            {
                _burstStartNs = edge.TimestampNs;
            }

            _seenEdge = true;
            _level = edge.Kind == EdgeKind.Rising;
            _lastEdgeNs = edge.TimestampNs;
            _lastEdgeProcessed = _time.GetTimestamp();
            _settleTimer.Change(_level != _accepted ? _options.Settle : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _settleTimer.Dispose();

    private void OnSettled()
    {
        lock (_gate)
        {
            var quiet = _time.GetElapsedTime(_lastEdgeProcessed);
            if (quiet < _options.Settle)
            {
                // A callback already queued when a later edge re-armed the timer.
                _settleTimer.Change(_options.Settle - quiet, Timeout.InfiniteTimeSpan);
                return;
            }

            if (_level != _accepted)
            {
                Accept(_level);
            }
        }
    }

    private void Accept(bool pressed)
    {
        _accepted = pressed;
        if (pressed)
        {
            _pressedAtNs = _burstStartNs;
            _pressedAtTicks = _time.GetTimestamp();
            _sink(new KeyEvent(Key, KeySignal.Pressed, _burstStartNs, TimeSpan.Zero));
            return;
        }

        _sink(new KeyEvent(Key, KeySignal.Released, _burstStartNs, HeldUntil(_burstStartNs)));
    }

    private TimeSpan HeldUntil(long releaseNs) =>
        _pressedAtNs is { } pressedNs
            ? TimeSpan.FromTicks((releaseNs - pressedNs) / 100)
            : _time.GetElapsedTime(_pressedAtTicks);
}
