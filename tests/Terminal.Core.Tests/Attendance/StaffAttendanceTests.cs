using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Tests.Window;

namespace Terminal.Core.Tests.Attendance;

/// <summary>SPEC §3.2, one test per rule: sign-in, sign-out, card change, pause, duplicates, unknown cards.</summary>
public sealed class StaffAttendanceTests
{
    private static readonly Roster Hall = new(17, [
        new RosterEntry("S-1034", "张敏", "综合窗口", ["H10301:12:34567"]),
        new RosterEntry("S-2001", "李华", null, ["H10301:12:11111", "UID::04A1B2C3"]),
    ]);

    private static TestWindow Staffed()
    {
        var t = new TestWindow();
        t.Window.ApplyRoster(Hall);
        return t;
    }

    [Fact]
    public void Swipe_WhenUnstaffed_SignsInWithRosterStaffAndName()
    {
        var t = Staffed();

        var decision = t.Badge(34567);

        var signIn = Assert.IsType<AttendanceData>(Assert.Single(decision.Events).Data);
        Assert.Equal(("34567", "H10301", 12L, "S-1034", "张敏", "sign-in", false), (signIn.Card, signIn.Format, signIn.Facility, signIn.Staff, signIn.Name, signIn.Action, signIn.Duplicate));
        Assert.Equal("S-1034", decision.Events[0].Staff);
        Assert.Equal(CueKind.SignedIn, Assert.Single(decision.Cues).Kind);
        Assert.Equal(new WindowStatus(WindowState.Staffed, "S-1034", "张敏"), t.Window.Status);
        Assert.Equal("staffed", t.Window.Status.StateName);
    }

    [Fact]
    public void Swipe_SameCardAgain_SignsOut()
    {
        var t = Staffed();
        t.Badge(34567);
        t.Advance(TimeSpan.FromMinutes(5));

        var decision = t.Badge(34567);

        var signOut = Assert.IsType<AttendanceData>(Assert.Single(decision.Events).Data);
        Assert.Equal(("sign-out", "S-1034"), (signOut.Action, signOut.Staff));
        Assert.Equal(CueKind.SignedOut, Assert.Single(decision.Cues).Kind);
        Assert.Equal(WindowStatus.Unstaffed, t.Window.Status);
        Assert.Null(t.Window.Staff);
    }

    [Fact]
    public void Swipe_DifferentCardWhileStaffed_SignsTheFirstOutAndTheSecondIn()
    {
        var t = Staffed();
        t.Badge(34567);

        var decision = t.Badge(11111);

        Assert.Equal(["S-1034:sign-out", "S-2001:sign-in"], decision.Events.Select(e => $"{e.Staff}:{((AttendanceData)e.Data).Action}"));
        Assert.Equal(new WindowStatus(WindowState.Staffed, "S-2001", "李华"), t.Window.Status);
    }

    [Fact]
    public void PauseKey_WhileStaffed_PausesAndThenResumes()
    {
        var t = Staffed();
        t.Badge(34567);

        var pause = t.Pause();
        Assert.Equal(WindowState.Paused, t.Window.Status.State);
        var resume = t.Pause();

        Assert.Equal("pause", ((AttendanceData)Assert.Single(pause.Events).Data).Action);
        Assert.Equal(CueKind.Paused, Assert.Single(pause.Cues).Kind);
        Assert.Equal("resume", ((AttendanceData)Assert.Single(resume.Events).Data).Action);
        Assert.Equal(WindowState.Staffed, t.Window.Status.State);
    }

    [Fact]
    public void PauseKey_WhenUnstaffed_DoesNothing()
    {
        var t = Staffed();

        Assert.Same(Core.Window.Decision.None, t.Pause());
    }

    [Fact]
    public void Swipe_SameCardWithinDuplicateWindow_IsRecordedAsDuplicateAndChangesNoState()
    {
        var t = Staffed();
        t.Badge(34567);
        t.Advance(TimeSpan.FromSeconds(59));

        var decision = t.Badge(34567);

        var duplicate = Assert.IsType<AttendanceData>(Assert.Single(decision.Events).Data);
        Assert.Equal(("sign-in", true), (duplicate.Action, duplicate.Duplicate));
        Assert.Equal(CueKind.SignedIn, Assert.Single(decision.Cues).Kind);
        Assert.Equal(WindowState.Staffed, t.Window.Status.State);
    }

    [Fact]
    public void Swipe_SameCardAfterDuplicateWindow_ChangesState()
    {
        var t = Staffed();
        t.Badge(34567);
        t.Advance(TimeSpan.FromSeconds(60));

        t.Badge(34567);

        Assert.Equal(WindowState.Unstaffed, t.Window.Status.State);
    }

    [Fact]
    public void Swipe_BackAfterAnotherCardSignedIn_IsNotADuplicate()
    {
        var t = Staffed();
        t.Badge(34567);
        t.Badge(11111);

        t.Badge(34567);

        Assert.Equal("S-1034", t.Window.Status.Staff);
        Assert.DoesNotContain(t.Data<AttendanceData>(), a => a.Duplicate);
    }

    [Fact]
    public void Swipe_UnknownCard_IsRecordedWithNullStaffAndShownAsUnknown()
    {
        var t = Staffed();

        var decision = t.Badge(99999, facility: 3);

        var unknown = Assert.IsType<AttendanceData>(Assert.Single(decision.Events).Data);
        Assert.Equal(("99999", null, null, "sign-in"), (unknown.Card, unknown.Staff, unknown.Name, unknown.Action));
        Assert.Null(decision.Events[0].Staff);
        Assert.Equal(CueKind.UnknownCard, Assert.Single(decision.Cues).Kind);
        Assert.Equal(new WindowStatus(WindowState.Staffed, null, null), t.Window.Status);
    }

    [Fact]
    public void Roster_NewerVersionArriving_NamesTheSignedInUnknownCard()
    {
        var t = new TestWindow();
        t.Badge(34567);

        Assert.True(t.Window.ApplyRoster(Hall));

        Assert.Equal(new WindowStatus(WindowState.Staffed, "S-1034", "张敏"), t.Window.Status);
        Assert.Equal("S-1034", t.Window.Staff);
    }

    [Fact]
    public void Roster_OlderOrSameVersion_IsIgnored()
    {
        var t = Staffed();

        Assert.False(t.Window.ApplyRoster(new Roster(17, [])));
        Assert.False(t.Window.ApplyRoster(new Roster(3, [])));

        Assert.Same(Hall, t.Window.Roster);
    }

    [Fact]
    public void StorageFull_SwipeIsRefused()
    {
        var t = Staffed();
        t.Window.SetStorageFull(true);

        var decision = t.Badge(34567);

        Assert.Empty(decision.Events);
        Assert.Equal(CueKind.StorageFull, Assert.Single(decision.Cues).Kind);
        Assert.Equal(WindowState.Unstaffed, t.Window.Status.State);
    }

    [Fact]
    public void UidSwipe_FromAReaderModule_SignsInTheRosterStaffWithReaderAndUidFormat()
    {
        var t = Staffed();

        var decision = t.Swipe(BadgeSwipe.Uid("04a1b2c3", BadgeReaders.Mfrc522));

        var signIn = Assert.IsType<AttendanceData>(Assert.Single(decision.Events).Data);
        Assert.Equal(("04A1B2C3", "UID", null, "mfrc522", "S-2001", "sign-in"), (signIn.Card, signIn.Format, signIn.Facility, signIn.Reader, signIn.Staff, signIn.Action));
        Assert.Equal(new WindowStatus(WindowState.Staffed, "S-2001", "李华"), t.Window.Status);
    }

    [Fact]
    public void UidSwipe_OnAnotherReaderWithinDuplicateWindow_IsTheSameCardAndADuplicate()
    {
        var t = Staffed();
        t.Swipe(BadgeSwipe.Uid("04A1B2C3", BadgeReaders.Pn532));
        t.Advance(TimeSpan.FromSeconds(5));

        var decision = t.Swipe(BadgeSwipe.Uid("04a1b2c3", BadgeReaders.UsbHid));

        var duplicate = Assert.IsType<AttendanceData>(Assert.Single(decision.Events).Data);
        Assert.Equal(("sign-in", true, "usb-hid"), (duplicate.Action, duplicate.Duplicate, duplicate.Reader));
        Assert.Equal(WindowState.Staffed, t.Window.Status.State);
    }

    [Fact]
    public void PauseKey_AfterAUidSignIn_CarriesTheSignedInCardAndItsReader()
    {
        var t = Staffed();
        t.Swipe(BadgeSwipe.Uid("04A1B2C3", BadgeReaders.Pn532));

        var pause = Assert.IsType<AttendanceData>(Assert.Single(t.Pause().Events).Data);

        Assert.Equal(("pause", "04A1B2C3", "UID", "pn532"), (pause.Action, pause.Card, pause.Format, pause.Reader));
    }

    [Fact]
    public void WiegandSwipe_IsRecordedWithTheWiegandReader()
    {
        var t = Staffed();

        var signIn = Assert.IsType<AttendanceData>(Assert.Single(t.Badge(34567).Events).Data);

        Assert.Equal("wiegand", signIn.Reader);
    }
}
