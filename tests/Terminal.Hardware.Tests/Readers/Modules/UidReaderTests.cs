using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Modules;
using Terminal.TestUtils.Time;
using Terminal.TestUtils.Waiting;

namespace Terminal.Hardware.Tests.Readers.Modules;

/// <summary>The polling loop on the simulated module: rate, one swipe per presentation, outage and recovery, cancellation.</summary>
public sealed class UidReaderTests
{
    private static readonly byte[] Uid = [0x04, 0xA1, 0xB2, 0xC3];
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly SimulatedCardModule _module = new(ReaderKind.Mfrc522);
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(99)]
    public void CardHeldFor300Ms_AtAnyPhaseOfThePolls_IsOneSwipe(int phaseMs)
    {
        var reader = new UidReader("desk-nfc", ReaderKind.Mfrc522, _module.Open, _time);
        var presented = TimeSpan.FromMilliseconds(1000 + phaseMs);
        var removed = presented + TimeSpan.FromMilliseconds(300);
        var swipes = 0;
        var held = false;

        // The schedule the loop follows: each step says how long to wait before the next.
        for (var at = TimeSpan.Zero; at < TimeSpan.FromSeconds(3);)
        {
            var inWindow = at >= presented && at < removed;
            if (inWindow && !held)
            {
                _module.Hold(Uid);
            }
            else if (!inWindow && held)
            {
                _module.Remove();
            }

            held = inWindow;

            var (outcome, wait) = reader.PollOnce();
            swipes += outcome is CardPresented ? 1 : 0;
            at += wait;
        }

        Assert.Equal(1, swipes);
    }

    [Fact]
    public void PollInterval_Is100Ms()
    {
        var reader = new UidReader("desk-nfc", ReaderKind.Mfrc522, _module.Open, _time);

        Assert.Equal(TimeSpan.FromMilliseconds(100), reader.PollOnce().Wait);
    }

    [Fact]
    public void Backoff_DoublesUpTo30s_WhileTheModuleStaysSilent_WithOneFault()
    {
        _module.Unplug();
        var reader = new UidReader("desk-nfc", ReaderKind.Mfrc522, _module.Open, _time);

        var steps = Enumerable.Range(0, 8).Select(_ => reader.PollOnce()).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], steps.Select(s => s.Wait.TotalSeconds));
        Assert.Single(steps, s => s.Outcome is ReaderOffline);
        Assert.Contains("simulated mfrc522 module does not answer", ((ReaderOffline)steps[0].Outcome!).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ReportsATap_PollsAgainAfterTheInterval_AndEndsOnCancellation()
    {
        var reader = new UidReader("desk-nfc", ReaderKind.Mfrc522, _module.Open, _time);
        using var stop = new CancellationTokenSource();
        _module.Tap(Uid);
        var outcomes = reader.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await outcomes.MoveNextAsync().AsTask().WaitAsync(Deadline));
        var first = outcomes.Current;
        var next = outcomes.MoveNextAsync().AsTask();
        await Eventually.TrueAsync(() => _time.HasTimerDueWithin(TimeSpan.FromMilliseconds(100)), Deadline, "the poll thread sleeping on the fake clock");
        _module.Unplug();
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(await next.WaitAsync(Deadline));
        var fault = outcomes.Current;
        var last = outcomes.MoveNextAsync().AsTask();
        await stop.CancelAsync();

        Assert.Equal(new CardPresented("desk-nfc", ReaderCard.Uid(Uid)), first);
        Assert.IsType<ReaderOffline>(fault);
        Assert.False(await last.WaitAsync(Deadline));
        await outcomes.DisposeAsync();
    }

    [Fact]
    public async Task ReadAsync_PollsOnItsOwnThread_AndReleasesTheModuleBeforeItEnds()
    {
        var threads = new List<string?>();
        var released = 0;
        var reader = new UidReader("desk-nfc", ReaderKind.Mfrc522, () => new RecordingModule(threads, () => released++), TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var outcomes = reader.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        var last = outcomes.MoveNextAsync().AsTask();
        await Eventually.TrueAsync(() => { lock (threads) { return threads.Count >= 3; } }, Deadline, "three polls");
        await stop.CancelAsync();

        Assert.False(await last.WaitAsync(Deadline));
        await outcomes.DisposeAsync();
        Assert.Equal(1, released);
        lock (threads)
        {
            Assert.All(threads, name => Assert.Equal("uid-reader", name));
        }
    }

    [Fact]
    public void SimulatedTap_IsOneSwipe_AndTheSameCardTappedAgainAfterItLeftIsAnother()
    {
        var reader = new UidReader("desk-nfc", ReaderKind.Mfrc522, _module.Open, _time);

        _module.Tap(Uid);
        var first = Enumerable.Range(0, 5).Select(_ => reader.PollOnce().Outcome).OfType<CardPresented>().Count();
        _module.Tap(Uid);
        var second = Enumerable.Range(0, 5).Select(_ => reader.PollOnce().Outcome).OfType<CardPresented>().Count();

        Assert.Equal((1, 1), (first, second));
    }


    /// <summary>A module with an empty field that notes which thread polls it and when it is released.</summary>
    private sealed class RecordingModule(List<string?> threads, Action released) : ICardModule
    {
        public string Description => "recording module";

        public FieldReading Poll()
        {
            lock (threads)
            {
                threads.Add(Thread.CurrentThread.Name);
            }

            return FieldReading.Empty;
        }

        public void Dispose() => released();
    }
}
