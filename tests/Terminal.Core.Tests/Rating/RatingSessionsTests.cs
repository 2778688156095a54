using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Settings;
using Terminal.Core.Tests.Window;

namespace Terminal.Core.Tests.Rating;

/// <summary>SPEC §3.1, one test per rule: sessions open, prompt, rate, time out.</summary>
public sealed class RatingSessionsTests
{
    private static readonly CaseInfo Case = new("2026-0001", "ITEM-7", "营业执照", "A012", "accept");

    [Fact]
    public void SessionOpen_FromQueue_CommitsOpenedWithCaseAndPrompts()
    {
        var t = new TestWindow();

        var decision = t.Open("Q-1", Case);

        var opened = Assert.IsType<SessionData>(Assert.Single(decision.Events).Data);
        Assert.Equal(("Q-1", "opened", "queue", null), (opened.Session, opened.Action, opened.Source, opened.Outcome));
        Assert.Equal(Case, opened.Case);
        Assert.Equal(CueKind.Prompting, Assert.Single(decision.Cues).Kind);
        Assert.Equal("Q-1", t.Window.OpenSessionId);
    }

    [Fact]
    public void InviteKey_OpensStaffSession_ThatIsInvited()
    {
        var t = new TestWindow();

        t.Invite();
        t.Advance(TimeSpan.FromSeconds(2));
        t.Tap(4);

        Assert.Equal("staff", t.Data<SessionData>()[0].Source);
        var rating = Assert.Single(t.Data<RatingData>());
        Assert.True(rating.Invited);
        Assert.Equal(2000, rating.LatencyMs);
    }

    [Fact]
    public void FirstPress_InFreeMode_OpensFreeSessionAndRatesIt()
    {
        var t = new TestWindow(WindowSettings.Default.With(TerminalSettings.Rating.Mode, RatingMode.Free));

        t.Tap(5);

        Assert.Equal(["opened:free", "closed:free"], t.Data<SessionData>().Select(s => $"{s.Action}:{s.Source}"));
        var rating = Assert.Single(t.Data<RatingData>());
        Assert.False(rating.Invited);
        Assert.Equal(0, rating.LatencyMs);
    }

    [Fact]
    public void FirstPress_InOpenSession_RatesWithCaseLatencyAndClosesRated()
    {
        var t = new TestWindow();
        t.Open("Q-1", Case);
        t.Advance(TimeSpan.FromMilliseconds(4_250));

        var decision = t.Press(5);

        Assert.Equal([EventType.Rating, EventType.Session], decision.Events.Select(e => e.Type));
        var rating = Assert.IsType<RatingData>(decision.Events[0].Data);
        Assert.Equal(("Q-1", 5, "非常满意", "k5", true, 4250L), (rating.Session, rating.Level, rating.Label, rating.Key, rating.Invited, rating.LatencyMs));
        Assert.Equal(Case, rating.Case);
        Assert.Null(rating.Misuse);
        Assert.Equal(1, rating.Count);
        Assert.Equal("rated", ((SessionData)decision.Events[1].Data).Outcome);
        Assert.Equal(new Cue(CueKind.Thanks, "k5"), Assert.Single(decision.Cues));
    }

    [Fact]
    public void Press_WithNoOpenSessionInSessionMode_OpensImplicitCitizenSessionAndIsAccepted()
    {
        var t = new TestWindow();

        t.Tap(3);

        Assert.Equal(["opened:citizen", "closed:citizen"], t.Data<SessionData>().Select(s => $"{s.Action}:{s.Source}"));
        var rating = Assert.Single(t.Data<RatingData>());
        Assert.False(rating.Invited);
        Assert.Equal(3, rating.Level);
    }

    [Fact]
    public void Session_WithoutPressWithinSessionTimeout_ClosesUnrated()
    {
        var t = new TestWindow();
        t.Open("Q-1", Case);

        t.Advance(TimeSpan.FromSeconds(29.9));
        Assert.Single(t.Committed);
        t.Advance(TimeSpan.FromSeconds(0.1));

        var closed = t.Data<SessionData>()[^1];
        Assert.Equal(("closed", "unrated"), (closed.Action, closed.Outcome));
        Assert.Equal(Case, closed.Case);
        Assert.Equal(CueKind.Idle, t.Cues[^1].Kind);
        Assert.Null(t.Window.DueIn());
    }

    [Fact]
    public void SessionCancel_ClosesOpenSessionAsCancelled()
    {
        var t = new TestWindow();
        t.Open("Q-1");

        var decision = t.Record(t.Window.CancelSession("Q-1", out var cancelled));

        Assert.True(cancelled);
        Assert.Equal("cancelled", ((SessionData)Assert.Single(decision.Events).Data).Outcome);
        Assert.Null(t.Window.OpenSessionId);
    }

    [Fact]
    public void SessionCancel_OfAnotherSession_ChangesNothing()
    {
        var t = new TestWindow();
        t.Open("Q-1");

        var decision = t.Window.CancelSession("Q-2", out var cancelled);

        Assert.False(cancelled);
        Assert.Empty(decision.Events);
        Assert.Equal("Q-1", t.Window.OpenSessionId);
    }

    [Fact]
    public void SessionOpen_SameIdAgain_ChangesNothing()
    {
        var t = new TestWindow();
        t.Open("Q-1");

        var again = t.Open("Q-1");

        Assert.Empty(again.Events);
        Assert.Single(t.Committed);
    }

    [Fact]
    public void SessionOpen_RedeliveredAfterTheSessionWasRated_ChangesNothing()
    {
        var t = new TestWindow();
        t.Open("Q-1");
        t.Tap(5);
        t.Advance(TimeSpan.FromSeconds(5));

        var again = t.Open("Q-1");

        Assert.Same(Core.Window.Decision.None, again);
        Assert.Null(t.Window.OpenSessionId);
    }

    [Fact]
    public void SessionOpen_WhileAnotherIsOpen_ClosesThePreviousUnrated()
    {
        var t = new TestWindow();
        t.Open("Q-1");

        t.Open("Q-2");

        Assert.Equal(["Q-1:opened:", "Q-1:closed:unrated", "Q-2:opened:"], t.Data<SessionData>().Select(s => $"{s.Session}:{s.Action}:{s.Outcome}"));
    }

    [Fact]
    public void SessionTimeout_FollowsMonotonicTime_NotWallClockSteps()
    {
        var t = new TestWindow();
        t.Open("Q-1");

        t.Time.SetUtcNow(t.Time.GetUtcNow().AddHours(8)); // NTP sync after a cold boot
        t.Advance(TimeSpan.FromSeconds(10));

        Assert.Single(t.Committed);
        Assert.Equal(TimeSpan.FromSeconds(20), t.Window.DueIn());
    }

    [Fact]
    public void ApplySettings_NewSessionTimeout_AppliesToTheOpenSession()
    {
        var t = new TestWindow();
        t.Open("Q-1");
        t.Advance(TimeSpan.FromSeconds(10));

        t.Record(t.Window.ApplySettings(WindowSettings.Default.With(TerminalSettings.Rating.SessionTimeout, TimeSpan.FromSeconds(10))));

        Assert.Equal("unrated", t.Data<SessionData>()[^1].Outcome);
    }

    [Fact]
    public void ApplySettings_Invalid_IsRefusedAndNothingChanges()
    {
        var t = new TestWindow();
        var invalid = WindowSettings.Default.With(TerminalSettings.Rating.SessionTimeout, TimeSpan.Zero);

        var error = Assert.Throws<ArgumentException>(() => t.Window.ApplySettings(invalid));

        Assert.Contains("Terminal:Rating:SessionTimeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(WindowSettings.Default, t.Window.Settings);
    }

    [Fact]
    public void Events_CarryTheSignedInStaff()
    {
        var t = new TestWindow();
        t.Window.ApplyRoster(new Core.Attendance.Roster(1, [new("S-1034", "张敏", null, ["H10301:12:34567"])]));
        t.Badge(34567);

        t.Tap(5);

        Assert.All(t.Committed, e => Assert.Equal("S-1034", e.Staff));
    }

    [Fact]
    public void StorageFull_PressIsRefusedWithErrorPatternAndNoEvent()
    {
        var t = new TestWindow();
        t.Record(t.Window.SetStorageFull(true));

        var decision = t.Tap(5);

        Assert.Empty(decision.Events);
        Assert.Equal(CueKind.StorageFull, Assert.Single(decision.Cues).Kind);
        Assert.Contains("storage-full", t.Window.Faults);
        Assert.Equal(CueKind.Idle, t.Window.SetStorageFull(false).Cues.Single().Kind);
    }
}
