using Terminal.Core.Events;
using Terminal.Core.Keys;
using Terminal.Core.Tests.Window;
using Terminal.Core.Settings;

namespace Terminal.Core.Tests.Keys;

/// <summary>SPEC §3.1: a key held past stuckAfter raises key-stuck and is ignored until released.</summary>
public sealed class StuckKeysTests
{
    [Fact]
    public void KeyHeld_LongerThanStuckAfter_RaisesKeyStuckFault()
    {
        var t = new TestWindow();
        t.Press(5);

        t.Advance(TimeSpan.FromSeconds(10));

        var fault = Assert.Single(t.Data<FaultData>());
        Assert.Equal(("key-stuck", "k5"), (fault.Code, fault.Source));
        Assert.Equal(["key-stuck"], t.Window.Faults);
    }

    [Fact]
    public void StuckKey_IsIgnoredUntilReleased()
    {
        var t = new TestWindow();
        t.Press(5);
        t.Advance(TimeSpan.FromSeconds(20));
        var before = t.Committed.Count;

        var bounce = t.Press(5);

        Assert.Empty(bounce.Events);
        Assert.Empty(bounce.Cues);
        Assert.Equal(before, t.Committed.Count);
    }

    [Fact]
    public void StuckKey_Release_RaisesKeyReleasedAndTheKeyWorksAgain()
    {
        var t = new TestWindow();
        t.Press(5);
        t.Advance(TimeSpan.FromSeconds(20));

        var release = t.Release(5);
        t.Tap(4);

        Assert.Equal("key-released", ((FaultData)Assert.Single(release.Events).Data).Code);
        Assert.Empty(t.Window.Faults);
        Assert.Equal(2, t.Data<RatingData>().Count(r => r.Misuse is null));
    }

    [Fact]
    public void KeyDownAtStart_IsWatchedForStuck_ButNeverRates()
    {
        var t = new TestWindow();
        t.Key("k3", KeyRole.Rating, 3, null, KeyAction.HeldAtStart);
        t.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("key-stuck", ((FaultData)Assert.Single(t.Data<FaultData>())).Code);
        Assert.Empty(t.Data<RatingData>());
        Assert.Empty(t.Data<SessionData>());
    }

    [Fact]
    public void StuckAfterChangedWhileAKeyIsDown_TheNewValueDecides()
    {
        var t = new TestWindow();
        t.Press(3);
        t.Record(t.Window.ApplySettings(WindowSettings.Default.With(TerminalSettings.Rating.StuckAfter, TimeSpan.FromSeconds(30))));

        t.Advance(TimeSpan.FromSeconds(15));
        Assert.Empty(t.Data<FaultData>());

        t.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal("key-stuck", Assert.Single(t.Data<FaultData>()).Code);
    }

    [Fact]
    public void KeyReleasedBeforeStuckAfter_RaisesNothing()
    {
        var t = new TestWindow();
        t.Press(5);
        t.Advance(TimeSpan.FromSeconds(9));
        t.Release(5);

        t.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(t.Data<FaultData>());
    }
}
