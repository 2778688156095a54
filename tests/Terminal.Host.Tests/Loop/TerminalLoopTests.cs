using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Keys;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;
using Terminal.Host.Tests.Fakes;
using Terminal.Storage;

namespace Terminal.Host.Tests.Loop;

public class TerminalLoopTests
{
    private static readonly KeyInput PressK1 = new("k1", KeyRole.Rating, 1, null, KeyAction.Pressed);

    [Fact]
    public async Task BadRating_EventsCommittedAndHeldRatingDurable_BeforeTheReasonPromptShows()
    {
        var probe = new OrderProbe();
        await using var running = await RunningLoop.StartAsync(new KeyLayout([5, 1], ["fees"]), display: probe);
        probe.Watch(running);

        var processed = await running.SubmitAsync(new KeyEdge(PressK1));

        Assert.Contains(processed.Snapshot.Shown, c => c.Kind == CueKind.ReasonPrompt);
        var seen = Assert.Single(probe.AtReasonPrompt);
        Assert.True(seen.HeldOnDisk, "the reason prompt showed before the held rating was durable");
        Assert.Equal(1, seen.Committed);
    }

    [Fact]
    public async Task HeldRating_LeavesTheJournal_OnceItIsPublished()
    {
        await using var running = await RunningLoop.StartAsync(new KeyLayout([5, 1], ["fees"]));
        await running.SubmitAsync(new KeyEdge(PressK1));
        Assert.True(File.Exists(running.HeldRatings.FilePath));

        var reason = await running.SubmitAsync(new KeyEdge(new KeyInput("r-fees", KeyRole.Reason, null, "fees", KeyAction.Pressed)));

        Assert.Contains(reason.Snapshot.Committed, e => e.Type == "rating");
        Assert.False(File.Exists(running.HeldRatings.FilePath));
    }

    [Fact]
    public async Task EachInput_PublishesASnapshot_WithWhatItCommittedAndShowed()
    {
        await using var running = await RunningLoop.StartAsync();
        var before = running.Loop.Snapshots.Current.Version;

        var press = await running.PressAsync("k5", 5);

        Assert.Same(press.Snapshot, running.Loop.Snapshots.Current);
        Assert.True(press.Snapshot.Version > before);
        Assert.Equal(["session", "rating", "session"], press.Snapshot.Committed.Select(e => e.Type));
        Assert.Contains(press.Snapshot.Shown, c => c.Kind == CueKind.Thanks);
        Assert.IsType<KeyEdge>(press.Snapshot.Input);
    }

    [Fact]
    public async Task StorageFull_RefusesThePress_WithTheFullPattern_AndCommitsNothing()
    {
        await using var running = await RunningLoop.StartAsync();
        await running.SubmitAsync(new StorageChanged(new BufferStats(0, 0, null, 0, 10, 1000, NearFull: true, Full: true)));

        var press = await running.PressAsync("k5", 5);

        Assert.Empty(press.Snapshot.Committed);
        Assert.Equal(CueKind.StorageFull, Assert.Single(press.Snapshot.Shown).Kind);
        Assert.True(press.Snapshot.Window.StorageFull);
        Assert.Empty(await running.PendingAsync());
    }

    [Fact]
    public async Task AFailingInput_IsReportedToItsSender_AndTheLoopCarriesOn()
    {
        await using var running = await RunningLoop.StartAsync();

        // A held rating can only be recovered from a rating event: this one is a fault, the core refuses it.
        var fault = running.Events.Create(EventType.Fault, null, new FaultData { Code = "x", Detail = "y", Source = "z" });
        await Assert.ThrowsAsync<ArgumentException>(() => running.SubmitAsync(new JournalRestored(null, fault)));
        var press = await running.PressAsync("k5", 5);

        Assert.Contains(press.Snapshot.Committed, e => e.Type == "rating");
    }

    [Fact]
    public async Task Diverted_KeyPressAndBadge_GoToTheObserver_AndCommitNothing()
    {
        await using var running = await RunningLoop.StartAsync();
        var seen = new List<PanelInput>();
        using (running.Loop.Divert((input, _) => seen.Add(input)))
        {
            var press = await running.PressAsync("k5", 5);
            var swipe = await running.SwipeAsync(new BadgeSwipe("H10301", 12, 1234567));

            Assert.Empty(press.Snapshot.Committed);
            Assert.Empty(swipe.Snapshot.Committed);
        }

        Assert.Collection(seen, i => Assert.IsType<KeyEdge>(i), i => Assert.IsType<CardSwipe>(i));
        Assert.Empty(await running.PendingAsync());
        Assert.Null(running.Loop.Snapshots.Current.Window.Session);
    }

    [Fact]
    public async Task Diverted_OtherInputs_AreDecidedAsUsual()
    {
        await using var running = await RunningLoop.StartAsync();
        var seen = new List<PanelInput>();
        using var diversion = running.Loop.Divert((input, _) => seen.Add(input));

        var fault = await running.SubmitAsync(new HostFault(FaultCodes.GpioOverflow, "1 edge lost", "gpio"));

        Assert.Single(fault.Snapshot.Committed);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task AfterTheDiversionEnds_APressIsARatingAgain()
    {
        await using var running = await RunningLoop.StartAsync();
        running.Loop.Divert((_, _) => { }).Dispose();

        var press = await running.PressAsync("k5", 5);

        Assert.Contains(press.Snapshot.Committed, e => e.Type == "rating");
    }

    [Fact]
    public async Task SecondDiversion_WhileOneHolds_IsRefused()
    {
        await using var running = await RunningLoop.StartAsync();
        using var first = running.Loop.Divert((_, _) => { });

        Assert.Throws<InvalidOperationException>(() => running.Loop.Divert((_, _) => { }));
    }

    /// <summary>At each reason prompt: was the held rating already on disk, and how many events were in the buffer.</summary>
    private sealed class OrderProbe : IFeedbackDisplay
    {
        private RunningLoop? _running;

        public List<(bool HeldOnDisk, int Committed)> AtReasonPrompt { get; } = [];

        public void Watch(RunningLoop running) => _running = running;

        public void Show(IReadOnlyList<Cue> cues)
        {
            if (_running is { } running && cues.Any(c => c.Kind == CueKind.ReasonPrompt))
            {
                AtReasonPrompt.Add((File.Exists(running.HeldRatings.FilePath), running.Buffer.GetStats().Pending > 0 ? 1 : 0));
            }
        }
    }
}
