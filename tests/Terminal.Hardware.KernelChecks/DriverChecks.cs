using System.Diagnostics;
using System.Globalization;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Linux;

namespace Terminal.Hardware.KernelChecks;

/// <summary>The Linux driver against gpio-sim: each check returns a detail line or throws.</summary>
internal sealed class DriverChecks : ICheckSet
{
    private const string Label = "pinctrl-bcm2711";
    private static readonly TimeSpan EdgeDeadline = TimeSpan.FromSeconds(5);
    private readonly GpioSimChip _other = new("terminal-other", "terminal-other", 4);
    private readonly GpioSimChip _sim = new("terminal-main", Label, 32);
    private readonly LinuxGpioChipProvider _provider = new();

    public IEnumerable<(string Name, Func<Task<string>> Check)> All() =>
    [
        ("chip-by-label", ChipByLabelAsync),
        ("label-not-found", LabelNotFoundAsync),
        ("key-press-release", KeyPressReleaseAsync),
        ("wiegand-frame", WiegandFrameAsync),
        ("led-output", LedOutputAsync),
        ("line-busy", LineBusyAsync),
        ("overflow-seqno-gap", OverflowAsync),
    ];

    public void Dispose()
    {
        _sim.Dispose();
        _other.Dispose();
    }

    private static long MonotonicNs() => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }

    private static async Task<EdgeEvent> NextEdgeAsync(IGpioLineRequest lines, string after)
    {
        using var deadline = new CancellationTokenSource(EdgeDeadline);
        try
        {
            return await lines.ReadEdgeAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no edge within {EdgeDeadline.TotalSeconds} s after {after}");
        }
    }

    private Task<string> ChipByLabelAsync()
    {
        using var chip = _provider.Open(Label);
        Expect(chip.Label == Label && chip.Name == _sim.ChipName && chip.LineCount == 32,
            $"opened {chip.Name} \"{chip.Label}\" ({chip.LineCount} lines), expected {_sim.ChipName} \"{Label}\" (32 lines)");
        return Task.FromResult($"{chip.Name} \"{chip.Label}\" {chip.LineCount} lines (other chip: {_other.ChipName})");
    }

    private Task<string> LabelNotFoundAsync()
    {
        try
        {
            _provider.Open("pinctrl-rp1").Dispose();
        }
        catch (GpioException e)
        {
            Expect(e.Message.Contains($"\"{Label}\" (32 lines)", StringComparison.Ordinal)
                && e.Message.Contains("\"terminal-other\" (4 lines)", StringComparison.Ordinal), $"message lacks the chips present: {e.Message}");
            return Task.FromResult(e.Message);
        }

        throw new InvalidOperationException("opening label pinctrl-rp1 succeeded on a machine without it");
    }

    private async Task<string> KeyPressReleaseAsync()
    {
        const int key = 0;
        _sim.Pull(key, up: true); // released, before the request, so the request itself makes no edge
        using var chip = _provider.Open(Label);
        using var lines = chip.RequestLines(new GpioRequest("terminal-keys", [
            new GpioLineConfig(key, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both)]));
        Expect(!lines.GetValue(key), "released key reads as pressed");
        var start = MonotonicNs();

        _sim.Pull(key, up: false); // pressed: switch to GND
        var press = await NextEdgeAsync(lines, "pressing the key").ConfigureAwait(false);
        Expect(lines.GetValue(key), "pressed key reads as released");
        _sim.Pull(key, up: true);
        var release = await NextEdgeAsync(lines, "releasing the key").ConfigureAwait(false);
        var end = MonotonicNs();

        Expect(press is { Offset: key, Kind: EdgeKind.Rising, Seqno: 1, LineSeqno: 1 }, $"press edge {press}");
        Expect(release is { Offset: key, Kind: EdgeKind.Falling, Seqno: 2, LineSeqno: 2 }, $"release edge {release}");
        Expect(start < press.TimestampNs && press.TimestampNs < release.TimestampNs && release.TimestampNs <= end,
            $"timestamps not monotonic within the check: start {start} press {press.TimestampNs} release {release.TimestampNs} end {end}");
        return $"press ts={press.TimestampNs} release ts={release.TimestampNs} held {(release.TimestampNs - press.TimestampNs) / 1000} us";
    }

    private async Task<string> WiegandFrameAsync()
    {
        const int d0 = 2, d1 = 3;
        var bits = H10301(facility: 123, card: 45678);
        _sim.Pull(d0, up: true);
        _sim.Pull(d1, up: true);
        using var chip = _provider.Open(Label);
        using var lines = chip.RequestLines(new GpioRequest("terminal-wiegand", [
            new GpioLineConfig(d0, GpioDirection.Input, GpioBias.PullUp, Edges: GpioEdges.Falling),
            new GpioLineConfig(d1, GpioDirection.Input, GpioBias.PullUp, Edges: GpioEdges.Falling)]));

        // Wiegand: idle high, a '0' is a low pulse on D0, a '1' a low pulse on D1.
        foreach (var bit in bits)
        {
            _sim.Pull(bit ? d1 : d0, up: false);
            _sim.Pull(bit ? d1 : d0, up: true);
        }

        var received = new List<EdgeEvent>();
        for (var i = 0; i < bits.Length; i++)
        {
            received.Add(await NextEdgeAsync(lines, $"pulse {i + 1} of {bits.Length}").ConfigureAwait(false));
        }

        var readBack = received.Select(e => e.Offset == d1).ToArray();
        Expect(readBack.SequenceEqual(bits), $"sent {Show(bits)}, read {Show(readBack)}");
        Expect(received.All(e => e.Kind == EdgeKind.Falling), "a non-falling edge was reported");
        Expect(received.Select(e => e.Seqno).SequenceEqual(Enumerable.Range(1, bits.Length).Select(n => (uint)n)), "seqno not 1..26");
        var gaps = received.Zip(received.Skip(1), (a, b) => b.TimestampNs - a.TimestampNs).ToList();
        Expect(gaps.All(g => g > 0), "timestamps not strictly increasing");
        return $"26 bits {Show(readBack)} in order; gaps {gaps.Min() / 1000}-{gaps.Max() / 1000} us";
    }

    private Task<string> LedOutputAsync()
    {
        const int led = 5, sinkLed = 6;
        using var chip = _provider.Open(Label);
        using var lines = chip.RequestLines(new GpioRequest("terminal-leds", [
            new GpioLineConfig(led, GpioDirection.Output),
            new GpioLineConfig(sinkLed, GpioDirection.Output, ActiveLow: true)]));
        Expect(!_sim.Value(led) && _sim.Value(sinkLed), "initial off: expected led=0, active-low led=1");

        lines.SetValue(led, true);
        lines.SetValue(sinkLed, true);
        Expect(_sim.Value(led) && !_sim.Value(sinkLed), "on: expected led=1, active-low led=0");
        Expect(lines.GetValue(led) && lines.GetValue(sinkLed), "GetValue of lit LEDs is false");
        lines.SetValue(led, false);
        Expect(!_sim.Value(led), "off: expected led=0");
        return Task.FromResult("sim_gpio5/value follows SetValue; active-low sim_gpio6/value inverted");
    }

    private Task<string> LineBusyAsync()
    {
        const int line = 7;
        using var chip = _provider.Open(Label);
        using var holder = chip.RequestLines(new GpioRequest("terminal-keys", [new GpioLineConfig(line, GpioDirection.Input)]));
        using var second = _provider.Open(Label);
        try
        {
            second.RequestLines(new GpioRequest("intruder", [new GpioLineConfig(line, GpioDirection.Input)])).Dispose();
        }
        catch (GpioException e)
        {
            Expect(e.Message.Contains("held by \"terminal-keys\"", StringComparison.Ordinal), $"message does not name the holder: {e.Message}");
            return Task.FromResult(e.Message);
        }

        throw new InvalidOperationException("a second request of a held line succeeded");
    }

    private async Task<string> OverflowAsync()
    {
        const int line = 8, edges = 1200;
        _sim.Pull(line, up: true);
        using var chip = _provider.Open(Label);
        using var lines = chip.RequestLines(new GpioRequest("terminal-overflow", [
            new GpioLineConfig(line, GpioDirection.Input, GpioBias.PullUp, Edges: GpioEdges.Both)], EventBufferSize: 256));

        // Nobody reads: the driver's queue (256) and the kernel FIFO (256) fill, the kernel drops the rest.
        for (var i = 0; i < edges / 2; i++)
        {
            _sim.Pull(line, up: false);
            _sim.Pull(line, up: true);
        }

        // How a caller detects the loss: Seqno counts every edge of the request from 1, so any
        // event whose Seqno is not the previous one + 1 follows dropped edges.
        uint expected = 1, missing = 0, received = 0, gaps = 0, last = 0;
        while (true)
        {
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            EdgeEvent edge;
            try
            {
                edge = await lines.ReadEdgeAsync(quiet.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            received++;
            if (edge.Seqno != expected)
            {
                gaps++;
                missing += edge.Seqno - expected;
            }

            expected = edge.Seqno + 1;
            last = edge.Seqno;
        }

        Expect(gaps > 0, $"no seqno gap after {edges} unread edges ({received} received)");
        Expect(received + missing == last, $"received {received} + missing {missing} != last seqno {last}");
        return string.Create(CultureInfo.InvariantCulture, $"{edges} edges driven, {received} received, {missing} lost in {gaps} gap(s), last seqno {last}");
    }

    /// <summary>H10301 26-bit: even parity over bits 1-12, 8-bit facility, 16-bit card, odd parity over bits 13-24.</summary>
    private static bool[] H10301(int facility, int card)
    {
        var data = Enumerable.Range(0, 8).Select(i => (facility >> (7 - i) & 1) == 1)
            .Concat(Enumerable.Range(0, 16).Select(i => (card >> (15 - i) & 1) == 1)).ToArray();
        var even = data[..12].Count(b => b) % 2 == 1;
        var odd = data[12..].Count(b => b) % 2 == 0;
        return [even, .. data, odd];
    }

    private static string Show(bool[] bits) => string.Concat(bits.Select(b => b ? '1' : '0'));
}
