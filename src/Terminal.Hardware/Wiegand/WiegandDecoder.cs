using System.Globalization;
using Terminal.Hardware.Gpio;

namespace Terminal.Hardware.Wiegand;

/// <summary>
/// Turns the edges of a reader's D0/D1 lines into cards, keypad keys, noise and overflow outcomes.
/// Request both lines with <c>ActiveLow = true</c> and <c>Edges = Both</c>: a low pulse on D0 (a 0
/// bit) or D1 (a 1 bit) is then a logical rising edge followed by a falling one. Pulse widths,
/// bit periods and silences are measured between kernel timestamps; a <see cref="TimeProvider"/>
/// timer ends the frame when no further edge comes within <see cref="WiegandDecoderOptions.Silence"/>.
/// </summary>
/// <remarks>
/// Thread-safe. The sink is called under the decoder's lock, from <see cref="OnEdge"/> or a timer:
/// keep it short (e.g. a channel write) and do not call back into the decoder.
/// </remarks>
public sealed class WiegandDecoder : IDisposable
{
    private readonly Lock _gate = new();
    private readonly int[] _offsets;
    private readonly WiegandDecoderOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<WiegandOutcome> _sink;
    private readonly ITimer _silenceTimer;
    private readonly AggregatedReport<WiegandOutcome> _noise;
    private readonly AggregatedReport<WiegandOutcome> _overflow;
    private readonly long _silenceNs;
    private readonly long _jitterNs;
    private readonly FrameInProgress _frame;
    private readonly LineSequence[] _sequence = [new(), new()];
    private readonly LineSequence _requestSequence = new();
    private long _lastEdgeProcessed;

    /// <summary>Creates a decoder for the reader on lines <paramref name="d0Offset"/> and <paramref name="d1Offset"/>.</summary>
    public WiegandDecoder(int d0Offset, int d1Offset, WiegandDecoderOptions options, TimeProvider time, Action<WiegandOutcome> sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(sink);
        if (d0Offset == d1Offset)
        {
            throw new ArgumentException("D0 and D1 must be different lines", nameof(d1Offset));
        }

        _offsets = [d0Offset, d1Offset];
        _options = options;
        _time = time;
        _sink = sink;
        _silenceNs = Nanoseconds(options.Silence);
        _jitterNs = Nanoseconds(options.PeriodJitter);
        _frame = new FrameInProgress(Nanoseconds(options.MinPulseWidth), Nanoseconds(options.MaxPulseWidth));
        _silenceTimer = time.CreateTimer(_ => OnSilence(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _noise = new AggregatedReport<WiegandOutcome>(time, options.NoiseReportInterval, _gate, (n, _, reason) => new WiegandNoise(n, reason), sink);
        _overflow = new AggregatedReport<WiegandOutcome>(time, options.NoiseReportInterval, _gate, (n, lost, _) => new WiegandOverflow(n, lost), sink);
    }

    /// <summary>
    /// Feeds one edge; returns false when it is not on D0 or D1. Pass every edge of the request
    /// (keys too): a gap in the request-wide seqno then reveals a kernel overflow at once.
    /// </summary>
    public bool OnEdge(in EdgeEvent edge)
    {
        var line = Array.IndexOf(_offsets, edge.Offset);
        lock (_gate)
        {
            // The request-wide seqno shows a loss at the next edge of any line; the line's own
            // seqno catches it even if the host does not pass every edge of the request here.
            var requestLost = _requestSequence.Advance(edge.Seqno) is > 0;
            if (line < 0)
            {
                if (requestLost && _frame.Started)
                {
                    _overflow.Add(0, "overflow");
                    _frame.Discard();
                }

                return false;
            }

            // First the sequence: lost edges may also have made a false silence, so the frame in
            // progress is discarded, never ended and decoded.
            var lineLost = _sequence[line].Advance(edge.LineSeqno) ?? 0;
            if (lineLost > 0 || (requestLost && _frame.Started))
            {
                // uAPI v2: a gap in seqno/line_seqno means the kernel's event fifo overflowed.
                _overflow.Add(lineLost, "overflow");
                _frame.Discard();
            }
            else if (_frame.Started && edge.TimestampNs - _frame.LastEdgeNs >= _silenceNs)
            {
                // Edges are read late when the host is busy; their timestamps still show the silence.
                EndFrame();
            }

            _frame.OnEdge(line, edge.Kind == EdgeKind.Rising, edge.TimestampNs);
            _lastEdgeProcessed = _time.GetTimestamp();
            _silenceTimer.Change(_options.Silence, Timeout.InfiniteTimeSpan);
        }

        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _silenceTimer.Dispose();
        _noise.Dispose();
        _overflow.Dispose();
    }

    private static long Nanoseconds(TimeSpan span) => span.Ticks * 100;

    private void OnSilence()
    {
        lock (_gate)
        {
            // A stale callback (re-armed by a later edge) waits for the rest of the silence.
            var quiet = _time.GetElapsedTime(_lastEdgeProcessed);
            if (quiet < _options.Silence)
            {
                _silenceTimer.Change(_options.Silence - quiet, Timeout.InfiniteTimeSpan);
                return;
            }

            if (_frame.Started)
            {
                EndFrame();
            }
        }
    }

    private void EndFrame()
    {
        var frame = _frame;
        try
        {
            if (frame.Discarding || (frame.Bits.Length == 0 && frame.Fault is null && !frame.AnyActive))
            {
                return;
            }

            if (Reject(frame) is { } reason)
            {
                _noise.Add(1, reason);
                return;
            }

            foreach (var format in _options.Formats)
            {
                if (format.TryDecode(frame.Bits, out var card))
                {
                    _sink(new WiegandCardRead(card!, frame.Bits, frame.FirstPulseNs, frame.LastEdgeNs));
                    return;
                }
            }

            if (_options.AcceptKeypad && WiegandKeypad.TryDecode(frame.Bits, out var key))
            {
                _sink(new WiegandKeypadKey(key, frame.LastEdgeNs));
                return;
            }

            _noise.Add(1, _options.Formats.Any(f => f.Length == frame.Bits.Length) ? "parity" : string.Create(CultureInfo.InvariantCulture, $"{frame.BitCount} bits"));
        }
        finally
        {
            frame.Reset();
        }
    }

    private string? Reject(FrameInProgress frame)
    {
        if (frame.Fault is { } fault)
        {
            return fault;
        }

        if (frame.AnyActive)
        {
            return "line held low";
        }

        if (frame.BitCount > WiegandFrame.MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{frame.BitCount} bits");
        }

        if (_options.MaxPeriodRatio > 0 && frame.BitCount > 2
            && frame.MaxIntervalNs > (frame.MinIntervalNs * _options.MaxPeriodRatio) + _jitterNs)
        {
            return "irregular bit timing";
        }

        return null;
    }
}
