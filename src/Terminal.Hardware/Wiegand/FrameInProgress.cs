namespace Terminal.Hardware.Wiegand;

/// <summary>
/// The pulses of the frame being received. A pulse becomes a bit when it ends, so its width is
/// known: shorter than the minimum is a glitch and dropped, longer than the maximum spoils the frame.
/// </summary>
internal sealed class FrameInProgress(long minPulseNs, long maxPulseNs)
{
    private readonly bool[] _active = new bool[2];
    private readonly long[] _pulseStart = new long[2];
    private readonly long[] _lastBitEnd = [long.MinValue, long.MinValue];
    private long _lastBitStart;

    public WiegandFrame Bits { get; private set; }

    /// <summary>Bits received, which may exceed what <see cref="Bits"/> holds.</summary>
    public int BitCount { get; private set; }

    public string? Fault { get; private set; }

    public bool Started { get; private set; }

    /// <summary>Edges after a kernel overflow are dropped until the next silence.</summary>
    public bool Discarding { get; private set; }

    public bool AnyActive => _active[0] || _active[1];

    public long FirstPulseNs { get; private set; }

    public long LastEdgeNs { get; private set; }

    public long MinIntervalNs { get; private set; } = long.MaxValue;

    public long MaxIntervalNs { get; private set; }

    public void OnEdge(int line, bool pulseStarts, long timestampNs)
    {
        Started = true;
        LastEdgeNs = timestampNs;
        if (pulseStarts)
        {
            if (_active[line])
            {
                Fault ??= "edge sequence";
            }

            _active[line] = true;
            _pulseStart[line] = timestampNs;
            return;
        }

        if (!_active[line])
        {
            // The line was low before we looked (request made mid-pulse): nothing to measure.
            return;
        }

        _active[line] = false;
        var start = _pulseStart[line];
        var width = timestampNs - start;
        if (Discarding || width < minPulseNs)
        {
            return;
        }

        if (width > maxPulseNs)
        {
            Fault ??= "pulse too long";
        }

        // Wiegand: exactly one line pulses per bit; pulses overlapping in time are noise.
        if (_lastBitEnd[1 - line] > start)
        {
            Fault ??= "both lines low";
        }

        _lastBitEnd[line] = timestampNs;
        AddBit(line == 1, start);
    }

    public void Discard()
    {
        Reset();
        Started = true;
        Discarding = true;
    }

    public void Reset()
    {
        Array.Clear(_active);
        _lastBitEnd[0] = _lastBitEnd[1] = long.MinValue;
        Bits = default;
        BitCount = 0;
        Fault = null;
        Started = false;
        Discarding = false;
        FirstPulseNs = 0;
        LastEdgeNs = 0;
        MinIntervalNs = long.MaxValue;
        MaxIntervalNs = 0;
    }

    private void AddBit(bool one, long start)
    {
        if (BitCount == 0)
        {
            FirstPulseNs = start;
        }
        else
        {
            var interval = start - _lastBitStart;
            MinIntervalNs = Math.Min(MinIntervalNs, interval);
            MaxIntervalNs = Math.Max(MaxIntervalNs, interval);
        }

        _lastBitStart = start;
        BitCount++;
        if (BitCount <= WiegandFrame.MaxLength)
        {
            Bits = Bits.Append(one);
        }
    }
}
