using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Keys;
using Terminal.Core.Tests.Window;

namespace Terminal.Core.Tests.Rating;

/// <summary>docs/mqtt.md#rating: a bad rating asks for a reason where the board can collect one.</summary>
public sealed class ReasonTests
{
    [Fact]
    public void BadRating_OnBoardWithReasonKeys_AsksForReasonAndPublishesWithIt()
    {
        var t = new TestWindow(keys: TestWindow.WithReasons);
        t.Open("Q-1");

        var press = t.Press(2);
        Assert.Equal(new Cue(CueKind.ReasonPrompt, "k2"), Assert.Single(press.Cues));
        Assert.Empty(t.Data<RatingData>());
        Assert.NotNull(t.Window.HeldRating);
        t.Advance(TimeSpan.FromSeconds(5));

        var reason = t.Reason("attitude");

        var rating = Assert.IsType<RatingData>(Assert.Single(reason.Events).Data);
        Assert.Equal((2, "不满意", "k2"), (rating.Level, rating.Label, rating.Key));
        Assert.Equal(["attitude"], rating.Reasons);
        Assert.Equal(new Cue(CueKind.Thanks, "k2"), Assert.Single(reason.Cues));
        Assert.Null(t.Window.HeldRating);
    }

    [Fact]
    public void BadRating_WithNoAnswerWithinReasonTimeout_IsPublishedWithEmptyReasons()
    {
        var t = new TestWindow(keys: TestWindow.WithReasons);
        t.Tap(1);

        t.Advance(TimeSpan.FromSeconds(15));

        var rating = Assert.Single(t.Data<RatingData>());
        Assert.Empty(rating.Reasons);
        Assert.Equal(1, rating.Level);
        Assert.Equal(CueKind.Thanks, t.Cues[^1].Kind);
    }

    [Fact]
    public void BadRating_OnBoardWithoutReasonKeys_IsPublishedAtOnce()
    {
        var t = new TestWindow(keys: KeyLayout.FiveKeys);

        var decision = t.Tap(1);

        Assert.Empty(Assert.Single(decision.Events.Select(e => e.Data).OfType<RatingData>()).Reasons);
        Assert.Null(t.Window.HeldRating);
    }

    [Fact]
    public void BadRating_SessionCloseIsCommittedAtThePress_SoOnlyTheReasonIsPending()
    {
        var t = new TestWindow(keys: TestWindow.WithReasons);
        t.Open("Q-1");

        var press = t.Press(2);

        Assert.Equal("rated", ((SessionData)Assert.Single(press.Events).Data).Outcome);
    }

    [Fact]
    public void HeldRating_RecoveredAfterRestart_IsCommittedWithTheSameId()
    {
        var t = new TestWindow(keys: TestWindow.WithReasons);
        t.Tap(2);
        var held = t.Window.HeldRating!;

        var restarted = new TestWindow(keys: TestWindow.WithReasons);
        var recovered = Assert.Single(restarted.Window.Recover(held).Events);
        t.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(held.Id, recovered.Id);
        Assert.Equal(held.Id, t.Committed.Single(e => e.Type == EventType.Rating).Id);
        Assert.Empty(((RatingData)recovered.Data).Reasons);
    }

    [Fact]
    public void ReasonKey_WithNoRatingWaiting_IsIgnored()
    {
        var t = new TestWindow(keys: TestWindow.WithReasons);

        Assert.Same(Core.Window.Decision.None, t.Reason("fees"));
    }

    [Fact]
    public void Shutdown_DuringReasonWait_PublishesTheRatingWithEmptyReasons()
    {
        var t = new TestWindow(keys: TestWindow.WithReasons);
        t.Tap(2);

        t.Record(t.Window.Shutdown());

        Assert.Empty(Assert.Single(t.Data<RatingData>()).Reasons);
    }
}
