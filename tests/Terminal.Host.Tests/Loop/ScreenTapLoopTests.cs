using System.Text.Json;
using Terminal.Core.Feedback;
using Terminal.Core.Keys;
using Terminal.Core.Rating;
using Terminal.Core.Screen;
using Terminal.Host.Loop.Inputs;
using Terminal.Host.Tests.Fakes;

namespace Terminal.Host.Tests.Loop;

/// <summary>docs/front-panel.md#touch: a tap on the front panel goes through the loop like a key press.</summary>
public class ScreenTapLoopTests
{
    [Fact]
    public async Task RatingTap_IsCommittedWithKeyScreen_InTheSnapshotThatShowsThanks()
    {
        await using var running = await RunningLoop.StartAsync();
        var invite = await running.SubmitAsync(new KeyEdge(new KeyInput("invite", KeyRole.Invite, null, null, KeyAction.Pressed)));
        var session = invite.Snapshot.Window.Session!.Id;

        var tap = await running.SubmitAsync(new ScreenTapped(new RatingTap(5, session)));

        Assert.Equal(TapVerdict.Counted, tap.Outcome.Tap?.Verdict);
        Assert.Equal(CueKind.Thanks, tap.Snapshot.Window.Steady.Kind);
        var rating = Assert.Single(tap.Snapshot.Committed, e => e.Type == "rating");
        var pending = Assert.Single(await running.PendingAsync(), e => e.Seq == rating.Seq);
        Assert.Equal("screen", JsonDocument.Parse(pending.Payload).RootElement.GetProperty("data").GetProperty("key").GetString());
    }

    [Fact]
    public async Task StaleTap_CommitsNothing_AndSaysWhy()
    {
        await using var running = await RunningLoop.StartAsync();

        var tap = await running.SubmitAsync(new ScreenTapped(new RatingTap(5, "Q-gone")));

        Assert.Equal(TapVerdict.Stale, tap.Outcome.Tap?.Verdict);
        Assert.Empty(tap.Snapshot.Committed);
        Assert.Empty(await running.PendingAsync());
    }

    [Fact]
    public async Task BadRatingTap_ThenReasonTap_CommitsOneRatingWithTheReason()
    {
        await using var running = await RunningLoop.StartAsync(new KeyLayout([5, 3, 2], RatingScale.ReasonCodes));

        var bad = await running.SubmitAsync(new ScreenTapped(new RatingTap(2, null)));
        var session = bad.Snapshot.Window.Reason!.Rating.Data is Core.Events.RatingData d ? d.Session : null;
        var reason = await running.SubmitAsync(new ScreenTapped(new ReasonTap("fees", session)));

        Assert.Equal(CueKind.ReasonPrompt, bad.Snapshot.Window.Steady.Kind);
        Assert.Equal(TapVerdict.Counted, reason.Outcome.Tap?.Verdict);
        var ratings = (await running.PendingAsync()).Where(e => e.Type == "rating").ToList();
        var data = JsonDocument.Parse(Assert.Single(ratings).Payload).RootElement.GetProperty("data");
        Assert.Equal(["fees"], data.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Diverted_Tap_GoesToTheSelfTest_WithNoVerdict_AndCommitsNothing()
    {
        await using var running = await RunningLoop.StartAsync();
        var seen = new List<PanelInput>();
        using (running.Loop.Divert((input, _) => seen.Add(input)))
        {
            var tap = await running.SubmitAsync(new ScreenTapped(new RatingTap(5, null)));

            Assert.Null(tap.Outcome.Tap);
            Assert.Empty(tap.Snapshot.Committed);
        }

        Assert.IsType<ScreenTapped>(Assert.Single(seen));
        Assert.Empty(await running.PendingAsync());
    }
}
