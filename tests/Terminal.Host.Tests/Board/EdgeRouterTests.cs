using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Keys;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Wiegand;
using Terminal.Host.Board;
using Terminal.Host.Loop.Inputs;
using Terminal.Host.Tests.Fakes;
using Terminal.TestUtils.Time;

namespace Terminal.Host.Tests.Board;

public sealed class EdgeRouterTests
{
    private const long Ms = 1_000_000;
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task ConfigSetStuckAfter_TakesEffectOnAKeyAlreadyDown()
    {
        await using var running = await RunningLoop.StartAsync(new KeyLayout([5, 1], []), _time);
        using var lines = TestBoard.Claim(new SimulatedGpioChip(TestBoard.Chip, 32));
        using var router = new EdgeRouter(TestBoard.Definition, lines, running.Loop, _time, NullLogger<EdgeRouter>.Instance);
        await running.SubmitAsync(new CommandReceived("config.set", Encoding.UTF8.GetBytes("""{"rating":{"stuckAfter":"00:00:30"}}""")));

        router.OnEdge(new EdgeEvent(0, EdgeKind.Rising, 1_000 * Ms, 1, 1));
        _time.Advance(TimeSpan.FromMilliseconds(30));
        await running.SubmitAsync(Tick.Instance); // the press is decided before time moves on
        _time.Advance(TimeSpan.FromSeconds(15));
        await running.SubmitAsync(Tick.Instance);
        var at15s = await FaultCodesAsync(running);
        _time.Advance(TimeSpan.FromSeconds(16));
        await running.SubmitAsync(Tick.Instance);
        var at31s = await FaultCodesAsync(running);

        Assert.DoesNotContain("key-stuck", at15s);
        Assert.Contains("key-stuck", at31s);
    }

    [Fact]
    public async Task KeyDownAtStart_IsReportedStuck_AndNeverRates()
    {
        await using var running = await RunningLoop.StartAsync(new KeyLayout([5, 1], []), _time);
        var chip = new SimulatedGpioChip(TestBoard.Chip, 32);
        new SimulatedKey(chip, 0, activeLow: false).Press();
        using var lines = TestBoard.Claim(chip);
        using var router = new EdgeRouter(TestBoard.Definition, lines, running.Loop, _time, NullLogger<EdgeRouter>.Instance);
        await running.SubmitAsync(Tick.Instance); // the key's state at start is taken before time moves on

        _time.Advance(TimeSpan.FromSeconds(11));
        await running.SubmitAsync(Tick.Instance);

        Assert.Equal(["key-stuck"], await FaultCodesAsync(running));
        Assert.DoesNotContain(await running.PendingAsync(), e => e.Type == "rating");
    }

    [Fact]
    public async Task SeqnoGap_RaisesOneGpioOverflowFault()
    {
        await using var running = await RunningLoop.StartAsync(time: _time);
        using var lines = TestBoard.Claim();
        using var router = new EdgeRouter(TestBoard.Definition, lines, running.Loop, _time, NullLogger<EdgeRouter>.Instance);

        router.OnEdge(new EdgeEvent(2, EdgeKind.Rising, 1_000 * Ms, 1, 1));
        router.OnEdge(new EdgeEvent(2, EdgeKind.Falling, 1_100 * Ms, 5, 2));
        await running.SubmitAsync(Tick.Instance);

        Assert.Equal(["gpio-overflow"], await FaultCodesAsync(running));
    }

    [Fact]
    public async Task WiegandFrame_BecomesOneCardSwipe()
    {
        await using var running = await RunningLoop.StartAsync(time: _time);
        using var lines = TestBoard.Claim();
        using var router = new EdgeRouter(TestBoard.Definition, lines, running.Loop, _time, NullLogger<EdgeRouter>.Instance);
        var swipes = new List<CardSwipe>();
        running.Loop.Snapshots.Published += s =>
        {
            if (s.Input is CardSwipe swipe)
            {
                swipes.Add(swipe);
            }
        };

        var frame = WiegandFormats.H10301.Encode(12, 34567);
        var at = 1_000 * Ms;
        uint seqno = 0;
        var lineSeqno = new Dictionary<int, uint>();
        for (var i = 0; i < frame.Length; i++)
        {
            var line = frame[i] ? TestBoard.Definition.Wiegand!.D1 : TestBoard.Definition.Wiegand!.D0;
            var perLine = lineSeqno.GetValueOrDefault(line);
            router.OnEdge(new EdgeEvent(line, EdgeKind.Rising, at, ++seqno, ++perLine));
            router.OnEdge(new EdgeEvent(line, EdgeKind.Falling, at + (Ms / 10), ++seqno, ++perLine));
            lineSeqno[line] = perLine;
            at += 2 * Ms;
        }

        _time.Advance(TimeSpan.FromMilliseconds(100));
        await running.SubmitAsync(Tick.Instance);

        var swipe = Assert.Single(swipes);
        Assert.Equal(("H10301", 12L, "34567", "wiegand"), (swipe.Swipe.Format, swipe.Swipe.Facility, swipe.Swipe.Card, swipe.Swipe.Reader));
    }

    private static async Task<List<string>> FaultCodesAsync(RunningLoop running) =>
        [.. (await running.PendingAsync()).Where(e => e.Type == "fault").Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("data").GetProperty("code").GetString()!)];
}
