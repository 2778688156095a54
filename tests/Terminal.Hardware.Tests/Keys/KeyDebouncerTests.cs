using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Keys;
using Terminal.TestUtils.Time;

namespace Terminal.Hardware.Tests.Keys;

public sealed class KeyDebouncerTests : IDisposable
{
    private const long Ms = 1_000_000;
    private static readonly KeyId Key = new("rate5", 17);
    private readonly FakeTimeProvider _time = new();
    private readonly List<KeyEvent> _events = [];
    private readonly KeyDebouncer _debouncer;
    private uint _seqno;
    private long _clockNs = 1_000 * Ms;

    public KeyDebouncerTests()
    {
        _debouncer = new KeyDebouncer(Key, new KeyDebounceOptions(), _time, _events.Add);
    }

    public void Dispose() => _debouncer.Dispose();

    [Fact]
    public void CleanPress_IsReportedAfterSettle_WithoutWaitingForRelease()
    {
        Play(Edge(true, 1_000 * Ms));
        Advance(19 * Ms);
        Assert.Empty(_events);

        Advance(2 * Ms);

        Assert.Equal([new KeyEvent(Key, KeySignal.Pressed, 1_000 * Ms, TimeSpan.Zero)], _events);
    }

    [Fact]
    public void BouncyPressAndRelease_GiveExactlyOnePressAndOneRelease()
    {
        // Recorded-style: a press with 7 bounces over 3 ms, held 180 ms, a release with 5 over 2 ms.
        long[] press = [0, 200_000, 450_000, 900_000, 1_300_000, 2_100_000, 3_000_000];
        long[] release = [183_000_000, 183_400_000, 183_900_000, 184_600_000, 185_000_000];
        var t0 = 2_000 * Ms;

        Play([.. press.Select((d, i) => Edge(i % 2 == 0, t0 + d)), .. release.Select((d, i) => Edge(i % 2 == 1, t0 + d))]);
        Advance(50 * Ms);

        Assert.Equal(
            [
                new KeyEvent(Key, KeySignal.Pressed, t0, TimeSpan.Zero),
                new KeyEvent(Key, KeySignal.Released, t0 + 183 * Ms, TimeSpan.FromMilliseconds(183)),
            ],
            _events);
    }

    [Fact]
    public void RandomBouncyTraces_AlwaysGiveOnePressAndOneRelease()
    {
        var random = new Random(20261121);
        for (var trace = 0; trace < 500; trace++)
        {
            _events.Clear();
            var edges = new List<EdgeEvent>();
            var at = _clockNs + 100 * Ms;
            foreach (var settleOn in new[] { true, false })
            {
                // An odd number of alternating edges within at most 8 ms, ending on the settled level.
                var count = (random.Next(0, 8) * 2) + 1;
                for (var i = 0; i < count; i++)
                {
                    var level = settleOn ^ ((count - 1 - i) % 2 == 1);
                    edges.Add(Edge(level, at));
                    at += random.Next(20_000, 8_000_000 / count);
                }

                at += random.Next(30, 2_000) * Ms;
            }

            Play(edges);
            Advance(100 * Ms);

            Assert.Equal([KeySignal.Pressed, KeySignal.Released], _events.Select(e => e.Signal));
        }
    }

    [Fact]
    public void ShortSpike_IsNotAPress()
    {
        Play(Edge(true, 5_000 * Ms), Edge(false, 5_000 * Ms + 300_000));
        Advance(100 * Ms);

        Assert.Empty(_events);
    }

    [Fact]
    public void EdgesReadLate_StillGivePressAndRelease_FromTheirTimestamps()
    {
        // Everything was in the kernel buffer before the host read it: no timer ran in between.
        foreach (var edge in new[] { Edge(true, 1 * Ms), Edge(false, 1 * Ms + 500_000), Edge(true, 2 * Ms), Edge(false, 150 * Ms) })
        {
            _debouncer.OnEdge(edge);
        }

        Assert.Equal([new KeyEvent(Key, KeySignal.Pressed, 1 * Ms, TimeSpan.Zero)], _events);

        _time.Advance(TimeSpan.FromMilliseconds(25));

        Assert.Equal(KeySignal.Released, _events[^1].Signal);
        Assert.Equal(TimeSpan.FromMilliseconds(149), _events[^1].HeldFor);
    }

    [Fact]
    public void LongHold_IsOnePressAndOneRelease_WithTheTimeHeld()
    {
        Play(Edge(true, 1_000 * Ms));
        Advance(11_000 * Ms);
        Play(Edge(false, _clockNs));
        Advance(30 * Ms);

        Assert.Equal([KeySignal.Pressed, KeySignal.Released], _events.Select(e => e.Signal));
        Assert.True(_events[^1].HeldFor >= TimeSpan.FromSeconds(11));
        Assert.False(_debouncer.IsPressed);
    }

    [Fact]
    public void KeyDownAtStartup_ReportsOnlyItsRelease()
    {
        var events = new List<KeyEvent>();
        using var debouncer = new KeyDebouncer(Key, new KeyDebounceOptions(), _time, events.Add, initiallyPressed: true);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(events);
        Assert.True(debouncer.IsPressed);

        debouncer.OnEdge(new EdgeEvent(Key.Offset, EdgeKind.Falling, 31_000 * Ms, 1, 1));
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(KeySignal.Released, Assert.Single(events).Signal);
    }

    [Fact]
    public void EdgeOnAnotherLine_IsIgnored()
    {
        Assert.False(_debouncer.OnEdge(new EdgeEvent(3, EdgeKind.Rising, 1, 1, 1)));
    }

    [Fact]
    public async Task SimulatedKey_BouncesOnTheChip_AndGivesOnePress()
    {
        using var chip = new SimulatedGpioChip("sim", 32);
        var key = new SimulatedKey(chip, Key.Offset);
        key.Idle();
        using var request = chip.RequestLines(new GpioRequest("test", [new GpioLineConfig(Key.Offset, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both)]));

        key.Bounce(edges: 5, startNs: 10 * Ms, spacingNs: 400_000);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 5; i++)
        {
            _debouncer.OnEdge(await request.ReadEdgeAsync(timeout.Token));
        }

        _time.Advance(TimeSpan.FromMilliseconds(25));

        Assert.Equal([new KeyEvent(Key, KeySignal.Pressed, 10 * Ms, TimeSpan.Zero)], _events);
    }

    private EdgeEvent Edge(bool pressed, long timestampNs) =>
        new(Key.Offset, pressed ? EdgeKind.Rising : EdgeKind.Falling, timestampNs, ++_seqno, _seqno);

    /// <summary>Feeds edges as they happen: the fake clock follows the kernel timestamps.</summary>
    private void Play(params IEnumerable<EdgeEvent> edges)
    {
        foreach (var edge in edges)
        {
            Advance(Math.Max(0, edge.TimestampNs - _clockNs));
            _debouncer.OnEdge(edge);
        }
    }

    private void Advance(long ns)
    {
        _time.Advance(TimeSpan.FromTicks(ns / 100));
        _clockNs += ns;
    }
}
