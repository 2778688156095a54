using System.Diagnostics;

namespace Terminal.Hardware.Gpio.Simulated;

/// <summary>
/// An in-memory GPIO chip with the character device's semantics: line requests, busy lines,
/// active-low, bias, timestamped edges with sequence numbers. Inputs are driven from outside
/// (<see cref="Drive"/>), outputs are observed (<see cref="GetOutput"/>, <see cref="OutputChanged"/>).
/// </summary>
public sealed class SimulatedGpioChip : IGpioChip
{
    private readonly Lock _gate = new();
    private readonly bool[] _physical;
    private readonly SimulatedLineRequest?[] _owners;

    /// <summary>Creates a chip with <paramref name="lineCount"/> lines, all physically low.</summary>
    public SimulatedGpioChip(string label, int lineCount, string name = "gpiochip-sim")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lineCount, 1);
        Label = label;
        Name = name;
        LineCount = lineCount;
        _physical = new bool[lineCount];
        _owners = new SimulatedLineRequest?[lineCount];
    }

    /// <inheritdoc/>
    public string Label { get; }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int LineCount { get; }

    /// <summary>Raised when a requested output changes: line offset and logical value.</summary>
    public event Action<int, bool>? OutputChanged;

    /// <summary>CLOCK_MONOTONIC-like nanoseconds, the time base of simulated edges.</summary>
    public static long MonotonicNs() => (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));

    /// <inheritdoc/>
    public IGpioLineRequest RequestLines(GpioRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            foreach (var line in request.Lines)
            {
                if (line.Offset < 0 || line.Offset >= LineCount)
                {
                    throw new GpioException($"line {line.Offset} is out of range on {Name} \"{Label}\" ({LineCount} lines)");
                }

                if (_owners[line.Offset] is { } owner)
                {
                    throw new GpioException($"line {line.Offset} on {Name} \"{Label}\" is busy: held by \"{owner.Consumer}\"");
                }
            }

            var created = new SimulatedLineRequest(this, request);
            foreach (var line in request.Lines)
            {
                _owners[line.Offset] = created;
                if (line.Bias == GpioBias.PullUp)
                {
                    _physical[line.Offset] = true;
                }
                else if (line.Bias == GpioBias.PullDown)
                {
                    _physical[line.Offset] = false;
                }

                if (line.Direction == GpioDirection.Output)
                {
                    _physical[line.Offset] = line.InitialValue ^ line.ActiveLow;
                }
            }

            return created;
        }
    }

    /// <summary>
    /// Drives an input line to a physical level, as a button or reader would. An edge event is
    /// queued when the level changes and the line is requested with that edge.
    /// </summary>
    /// <param name="offset">Line offset.</param>
    /// <param name="physicalHigh">The new physical level.</param>
    /// <param name="timestampNs">Edge timestamp; the current monotonic time when null.</param>
    public void Drive(int offset, bool physicalHigh, long? timestampNs = null)
    {
        lock (_gate)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(offset);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, LineCount);
            if (_physical[offset] == physicalHigh)
            {
                return;
            }

            _physical[offset] = physicalHigh;
            _owners[offset]?.OnPhysicalChange(offset, physicalHigh, timestampNs ?? MonotonicNs());
        }
    }

    /// <summary>Physical level of a line.</summary>
    public bool GetPhysical(int offset)
    {
        lock (_gate)
        {
            return _physical[offset];
        }
    }

    /// <summary>Logical value of a requested output (false when not requested).</summary>
    public bool GetOutput(int offset)
    {
        lock (_gate)
        {
            return _owners[offset] is { } owner && owner.IsOutput(offset) && owner.GetValue(offset);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    internal void SetPhysicalFromOutput(int offset, bool physicalHigh, bool logical)
    {
        bool changed;
        lock (_gate)
        {
            changed = _physical[offset] != physicalHigh;
            _physical[offset] = physicalHigh;
        }

        if (changed)
        {
            OutputChanged?.Invoke(offset, logical);
        }
    }

    internal void Release(SimulatedLineRequest request)
    {
        lock (_gate)
        {
            for (var i = 0; i < _owners.Length; i++)
            {
                if (ReferenceEquals(_owners[i], request))
                {
                    _owners[i] = null;
                }
            }
        }
    }
}
