using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Keys;
using Terminal.Core.Rating;
using Terminal.Core.Screen;
using Terminal.Core.Settings;
using Terminal.Core.Tests.Window;

namespace Terminal.Core.Tests.Screen;

/// <summary>docs/front-panel.md#touch: a tap on the front panel is a press like a key's, for the session the screen showed.</summary>
public sealed class ScreenTapsTests
{
    private static readonly KeyLayout ThreeKeysAndScreen = new([5, 3, 2], RatingScale.ReasonCodes);

    [Fact]
    public void RatingTap_ForTheOpenSession_RatesItWithKeyScreen()
    {
        var t = new TestWindow();
        t.Open("Q-1");

        var outcome = t.TapRating(5, "Q-1");

        Assert.Equal(TapVerdict.Counted, outcome.Verdict);
        var rating = Assert.Single(t.Data<RatingData>());
        Assert.Equal(("Q-1", 5, "非常满意", "screen", true), (rating.Session, rating.Level, rating.Label, rating.Key, rating.Invited));
        Assert.Equal(new Cue(CueKind.Thanks, "screen"), outcome.Decision.Cues[^1]);
        Assert.Equal("Q-1", t.Window.Snapshot().Rated?.Id);
    }

    [Fact]
    public void RatingTap_ForASessionThatClosedMeanwhile_IsStaleAndChangesNothing()
    {
        var t = new TestWindow();
        t.Open("Q-1");
        t.Advance(TimeSpan.FromSeconds(30));
        var before = t.Committed.Count;

        var outcome = t.TapRating(5, "Q-1");

        Assert.Equal(TapVerdict.Stale, outcome.Verdict);
        Assert.Contains("session Q-1", outcome.Message, StringComparison.Ordinal);
        Assert.Same(Core.Window.Decision.None, outcome.Decision);
        Assert.Equal(before, t.Committed.Count);
    }

    [Fact]
    public void RatingTap_ShownIdleWhileTheQueueOpenedASession_IsStale()
    {
        var t = new TestWindow();
        t.Open("Q-2");

        var outcome = t.TapRating(4, null);

        Assert.Equal(TapVerdict.Stale, outcome.Verdict);
        Assert.Empty(t.Data<RatingData>());
        Assert.Equal("Q-2", t.Window.OpenSessionId);
    }

    [Fact]
    public void RatingTap_WithNoSessionShownOrOpen_OpensAnImplicitSession_LikeAKey()
    {
        var t = new TestWindow(WindowSettings.Default.With(TerminalSettings.Rating.Mode, RatingMode.Free));

        var outcome = t.TapRating(3, null);

        Assert.Equal(TapVerdict.Counted, outcome.Verdict);
        Assert.Equal(["opened", "closed"], t.Data<SessionData>().Select(s => s.Action));
        Assert.Equal("free", t.Data<SessionData>()[0].Source);
    }

    [Fact]
    public void SecondTap_OnTheRatedSessionWithinTheCooldown_IsARepeat()
    {
        var t = new TestWindow();
        t.Open("Q-1");
        t.TapRating(5, "Q-1");

        var again = t.TapRating(5, "Q-1");
        t.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(TapVerdict.Repeat, again.Verdict);
        var ratings = t.Data<RatingData>();
        Assert.Equal([null, "repeat"], ratings.Select(r => r.Misuse));
        Assert.Equal("screen", ratings[1].Key);
    }

    [Fact]
    public void BadRatingTap_AsksForAReason_AndAReasonTapPublishesOneRatingWithIt()
    {
        var t = new TestWindow(keys: ThreeKeysAndScreen);
        t.Open("Q-1");

        var bad = t.TapRating(2, "Q-1");
        Assert.Equal(new Cue(CueKind.ReasonPrompt, "screen"), Assert.Single(bad.Decision.Cues));
        Assert.Empty(t.Data<RatingData>());
        Assert.Equal("screen", t.Window.Snapshot().Reason?.Key);

        var reason = t.TapReason("fees", "Q-1");

        Assert.Equal(TapVerdict.Counted, reason.Verdict);
        var rating = Assert.Single(t.Data<RatingData>());
        Assert.Equal((2, "screen"), (rating.Level, rating.Key));
        Assert.Equal(["fees"], rating.Reasons);
        Assert.Equal(new Cue(CueKind.Thanks, "screen"), reason.Decision.Cues[^1]);
    }

    [Fact]
    public void ReasonTap_AfterTheReasonTimeout_IsStale_AndTheRatingKeepsNoReason()
    {
        var t = new TestWindow(keys: ThreeKeysAndScreen);
        t.Open("Q-1");
        t.TapRating(2, "Q-1");
        t.Advance(TimeSpan.FromSeconds(15));

        var late = t.TapReason("fees", "Q-1");

        Assert.Equal(TapVerdict.Stale, late.Verdict);
        Assert.Empty(Assert.Single(t.Data<RatingData>()).Reasons);
    }

    [Fact]
    public void ReasonTap_ForAnotherSession_IsStale()
    {
        var t = new TestWindow(keys: ThreeKeysAndScreen);
        t.Open("Q-1");
        t.TapRating(2, "Q-1");

        Assert.Equal(TapVerdict.Stale, t.TapReason("fees", "Q-0").Verdict);
        Assert.NotNull(t.Window.HeldRating);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(6)]
    public void RatingTap_ForALevelWithoutAButton_IsRefusedNamingTheLevels(int level)
    {
        var t = new TestWindow(keys: ThreeKeysAndScreen);
        t.Open("Q-1");
        var before = t.Committed.Count;

        var outcome = t.TapRating(level, "Q-1");

        Assert.Equal(TapVerdict.UnknownLevel, outcome.Verdict);
        Assert.Contains("levels: 5, 3, 2", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(before, t.Committed.Count);
        Assert.Equal("Q-1", t.Window.OpenSessionId);
    }

    [Fact]
    public void ReasonTap_WithAnUnknownCode_IsRefused_AndTheRatingStillWaits()
    {
        var t = new TestWindow(keys: ThreeKeysAndScreen);
        t.Open("Q-1");
        t.TapRating(2, "Q-1");

        var outcome = t.TapReason("weather", "Q-1");

        Assert.Equal(TapVerdict.UnknownReason, outcome.Verdict);
        Assert.Contains("'weather'", outcome.Message, StringComparison.Ordinal);
        Assert.NotNull(t.Window.HeldRating);
    }

    [Fact]
    public void RatingTap_WhileTheBufferIsFull_IsRefusedWithTheStorageFullCue()
    {
        var t = new TestWindow();
        t.Open("Q-1");
        t.Record(t.Window.SetStorageFull(true));

        var outcome = t.TapRating(5, "Q-1");

        Assert.Equal(TapVerdict.StorageFull, outcome.Verdict);
        Assert.Empty(outcome.Decision.Events);
        Assert.Equal(new Cue(CueKind.StorageFull), Assert.Single(outcome.Decision.Cues));
    }

    [Theory]
    [InlineData(TapVerdict.Counted, "counted", true)]
    [InlineData(TapVerdict.Repeat, "repeat", true)]
    [InlineData(TapVerdict.Stale, "stale", false)]
    [InlineData(TapVerdict.UnknownLevel, "unknown-level", false)]
    [InlineData(TapVerdict.UnknownReason, "unknown-reason", false)]
    [InlineData(TapVerdict.StorageFull, "storage-full", false)]
    public void Verdict_HasAWireName(TapVerdict verdict, string name, bool taken)
    {
        Assert.Equal((name, taken), (verdict.WireName(), verdict.IsTaken()));
    }
}
