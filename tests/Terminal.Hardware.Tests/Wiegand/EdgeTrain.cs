using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Wiegand;

namespace Terminal.Hardware.Tests.Wiegand;

/// <summary>
/// Turns reader pulses into the edge events an active-low, both-edges request reports, with
/// kernel-like sequence numbers that continue from call to call.
/// </summary>
internal sealed class EdgeTrain(int d0 = 5, int d1 = 6)
{
    private readonly uint[] _lineSeqno = new uint[2];
    private uint _seqno;

    public int D0 => d0;

    public int D1 => d1;

    public static IEnumerable<WiegandPulse> Pulses(WiegandFrame frame, long startNs = 1_000_000_000, long widthNs = 50_000, long periodNs = 2_000_000) =>
        SimulatedWiegandReader.Pulses(frame, new WiegandTiming(TimeSpan.FromTicks(widthNs / 100), TimeSpan.FromTicks(periodNs / 100)), startNs);

    public List<EdgeEvent> Edges(IEnumerable<WiegandPulse> pulses) =>
        pulses
            .SelectMany(p => new[] { (At: p.StartNs, p.Line, Kind: EdgeKind.Rising), (At: p.EndNs, p.Line, Kind: EdgeKind.Falling) })
            .OrderBy(t => t.At)
            .ThenBy(t => t.Kind == EdgeKind.Rising)
            .Select(t => new EdgeEvent(t.Line == 0 ? d0 : d1, t.Kind, t.At, ++_seqno, ++_lineSeqno[t.Line]))
            .ToList();
}
