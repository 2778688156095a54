using Terminal.Hardware.Wiegand;

namespace Terminal.Hardware.Gpio.Simulated;

/// <summary>
/// A badge reader wired to two lines of a <see cref="SimulatedGpioChip"/>: sends a frame as timed
/// low pulses on D0/D1, so the decoder sees exactly the edges a real reader would cause. The
/// timestamps are synthesized (the frame is laid out so that its last edge is "now"), nothing waits.
/// </summary>
public sealed class SimulatedWiegandReader
{
    private readonly SimulatedGpioChip _chip;
    private readonly int[] _lines;

    /// <summary>A reader on <paramref name="d0Offset"/>/<paramref name="d1Offset"/>; both lines are driven idle (high).</summary>
    public SimulatedWiegandReader(SimulatedGpioChip chip, int d0Offset, int d1Offset, WiegandTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(chip);
        _chip = chip;
        _lines = [d0Offset, d1Offset];
        Timing = timing ?? WiegandTiming.Default;
        chip.Drive(d0Offset, physicalHigh: true);
        chip.Drive(d1Offset, physicalHigh: true);
    }

    /// <summary>Pulse width and bit period used by <see cref="Send(WiegandFrame, long?)"/>.</summary>
    public WiegandTiming Timing { get; }

    /// <summary>The pulses of <paramref name="frame"/> starting at <paramref name="startNs"/>.</summary>
    public static IEnumerable<WiegandPulse> Pulses(WiegandFrame frame, WiegandTiming timing, long startNs)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var period = timing.BitPeriod.Ticks * 100;
        var width = timing.PulseWidth.Ticks * 100;
        for (var i = 0; i < frame.Length; i++)
        {
            yield return new WiegandPulse(frame[i] ? 1 : 0, startNs + (i * period), width);
        }
    }

    /// <summary>
    /// Sends <paramref name="frame"/>. Its first pulse starts at <paramref name="startNs"/>, or, when
    /// null, early enough that the last edge is stamped with the current monotonic time.
    /// </summary>
    /// <returns>The timestamp of the last edge.</returns>
    public long Send(WiegandFrame frame, long? startNs = null)
    {
        var start = startNs ?? (SimulatedGpioChip.MonotonicNs() - (Timing.Duration(frame.Length).Ticks * 100));
        return Send(Pulses(frame, Timing, start));
    }

    /// <summary>Sends the frame of a card: <c>terminalctl sim badge</c>.</summary>
    public long SendCard(WiegandFormat format, uint facility, ulong number) =>
        Send((format ?? throw new ArgumentNullException(nameof(format))).Encode(facility, number));

    /// <summary>Drives arbitrary pulses (in time order), e.g. with injected faults; returns the last edge's timestamp.</summary>
    public long Send(IEnumerable<WiegandPulse> pulses)
    {
        ArgumentNullException.ThrowIfNull(pulses);

        // Order the low and high transitions by time, so overlapping pulses come out as a real wire would show them.
        var transitions = pulses
            .SelectMany(p => new[] { (p.StartNs, p.Line, High: false), (p.EndNs, p.Line, High: true) })
            .OrderBy(t => t.Item1)
            .ThenBy(t => t.High)
            .ToList();
        var last = 0L;
        foreach (var (at, line, high) in transitions)
        {
            _chip.Drive(_lines[line], high, at);
            last = at;
        }

        return last;
    }
}
