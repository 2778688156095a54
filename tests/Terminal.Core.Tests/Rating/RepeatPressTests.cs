using Terminal.Core.Events;
using Terminal.Core.Tests.Window;

namespace Terminal.Core.Tests.Rating;

/// <summary>docs/mqtt.md#rating: presses after the rating are recorded as repeats, aggregated per burst.</summary>
public sealed class RepeatPressTests
{
    [Fact]
    public void Press_WithinCooldownAfterRating_IsRecordedAsRepeat()
    {
        var t = new TestWindow();
        t.Open("Q-1");
        t.Tap(5);
        t.Advance(TimeSpan.FromSeconds(1));

        t.Tap(5);
        t.Advance(TimeSpan.FromSeconds(3));

        var ratings = t.Data<RatingData>();
        Assert.Equal([null, "repeat"], ratings.Select(r => r.Misuse));
        Assert.Equal("Q-1", ratings[1].Session);
        Assert.Equal(1, ratings[1].Count);
    }

    [Fact]
    public void Press_DuringTheReasonWaitOfTheSameSession_IsRecordedAsRepeat()
    {
        var t = new TestWindow(keys: TestWindow.WithReasons);
        t.Tap(2);
        t.Advance(TimeSpan.FromSeconds(6));

        t.Tap(5);
        t.Reason("efficiency");

        var ratings = t.Data<RatingData>();
        Assert.Equal([(2, null), (5, "repeat")], ratings.Select(r => (r.Level, r.Misuse)));
        Assert.Equal(ratings[0].Session, ratings[1].Session);
    }

    [Fact]
    public void RepeatBurst_TenQuickPresses_YieldOneRatingAndOneEventWithCount()
    {
        var t = new TestWindow();

        for (var i = 0; i < 10; i++)
        {
            t.Tap(5);
            t.Advance(TimeSpan.FromMilliseconds(300));
        }

        t.Advance(TimeSpan.FromSeconds(3));

        var ratings = t.Data<RatingData>();
        Assert.Equal([(null, 1), ("repeat", 9)], ratings.Select(r => (r.Misuse, r.Count)));
    }

    [Fact]
    public void RepeatBurst_EndsAfterCooldownOfQuiet_AndTheNextPressRatesANewSession()
    {
        var t = new TestWindow();
        t.Tap(5);
        t.Advance(TimeSpan.FromSeconds(2));
        t.Tap(5);
        t.Advance(TimeSpan.FromSeconds(2.5)); // 4.5 s after the rating, but only 2.5 s of quiet

        t.Tap(4);
        t.Advance(TimeSpan.FromSeconds(3));
        t.Tap(3);

        Assert.Equal(
            [(5, null, 1), (5, "repeat", 1), (4, "repeat", 1), (3, null, 1)],
            t.Data<RatingData>().Select(r => (r.Level, r.Misuse, r.Count)));
        Assert.Equal(2, t.Data<SessionData>().Count(s => s.Action == "opened"));
    }

    [Fact]
    public void RepeatBurst_IsAggregatedPerKey_InOrderOfFirstPress()
    {
        var t = new TestWindow();
        t.Tap(5);

        t.Tap(5);
        t.Tap(1);
        t.Tap(5);
        t.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal([(5, null, 1), (5, "repeat", 2), (1, "repeat", 1)], t.Data<RatingData>().Select(r => (r.Level, r.Misuse, r.Count)));
    }

    [Fact]
    public void PendingRepeats_AreCommittedBeforeTheNextSessionOpens()
    {
        var t = new TestWindow();
        t.Tap(5);
        t.Tap(5);

        var decision = t.Open("Q-2");

        Assert.Equal([EventType.Rating, EventType.Session], decision.Events.Select(e => e.Type));
        Assert.Equal("repeat", ((RatingData)decision.Events[0].Data).Misuse);
    }

    [Fact]
    public void PendingRepeats_AreCommittedOnShutdown()
    {
        var t = new TestWindow();
        t.Tap(5);
        t.Tap(5);

        var decision = t.Window.Shutdown();

        Assert.Equal("repeat", ((RatingData)Assert.Single(decision.Events).Data).Misuse);
    }

    [Fact]
    public void RepeatBurst_HammeredWithoutPause_IsCommittedAtLeastEveryMinute()
    {
        var t = new TestWindow();
        t.Tap(5);

        for (var i = 0; i < 70; i++)
        {
            t.Advance(TimeSpan.FromSeconds(1));
            t.Tap(5);
        }

        var repeats = t.Data<RatingData>().Where(r => r.Misuse == "repeat").ToList();
        Assert.Single(repeats);
        Assert.InRange(repeats[0].Count, 59, 61);
    }

    [Fact]
    public void Repeat_IsStampedAtItsFirstPress()
    {
        var t = new TestWindow();
        t.Tap(5);
        t.Advance(TimeSpan.FromSeconds(1));
        var firstRepeatAt = t.Time.GetUtcNow();

        t.Tap(5);
        t.Advance(TimeSpan.FromSeconds(2));
        t.Tap(5);
        t.Advance(TimeSpan.FromSeconds(3));

        var repeat = t.Committed.Single(e => e.Data is RatingData { Misuse: "repeat" });
        Assert.Equal(firstRepeatAt, repeat.At);
        Assert.Equal(2, ((RatingData)repeat.Data).Count);
    }
}
