using Terminal.Core.Events;

namespace Terminal.Core.Tests.Window;

/// <summary>Faults of parts that stay broken until they recover: recorded once, listed while active.</summary>
public sealed class ActiveFaultsTests
{
    [Fact]
    public void RaisedFault_IsRecordedOnce_AndListedUntilCleared()
    {
        var t = new TestWindow();

        t.Record(t.Window.RaiseFault("reader-offline", "spidev0.0: no answer", "nfc"));
        t.Record(t.Window.RaiseFault("reader-offline", "spidev0.0: still no answer", "nfc"));
        Assert.Contains("reader-offline", t.Window.Faults);
        Assert.Contains("reader-offline", t.Window.Snapshot().Faults);

        t.Record(t.Window.ClearFault("reader-offline", "nfc", "reader-restored", "answers again"));

        Assert.Equal(["reader-offline", "reader-restored"], t.Data<FaultData>().Select(f => f.Code));
        Assert.Equal(["nfc", "nfc"], t.Data<FaultData>().Select(f => f.Source));
        Assert.DoesNotContain("reader-offline", t.Window.Faults);
    }

    [Fact]
    public void SameCode_OnTwoParts_StaysListedUntilBothRecover()
    {
        var t = new TestWindow();
        t.Record(t.Window.RaiseFault("reader-offline", "gone", "nfc"));
        t.Record(t.Window.RaiseFault("reader-offline", "unplugged", "usb"));

        t.Record(t.Window.ClearFault("reader-offline", "nfc", null, "back"));

        Assert.Equal(["reader-offline"], t.Window.Faults);
        Assert.Equal(2, t.Data<FaultData>().Count);
    }

    [Fact]
    public void ClearingAFaultThatIsNotActive_RecordsNothing()
    {
        var t = new TestWindow();

        t.Record(t.Window.ClearFault("audio", "speaker", "audio-restored", "plays"));

        Assert.Empty(t.Committed);
    }

    [Fact]
    public void RecordedFault_IsAnEventOnly()
    {
        var t = new TestWindow();

        t.Record(t.Window.RecordFault("reader-noise", "3 unreadable frames", "wiegand"));

        Assert.Equal("reader-noise", Assert.Single(t.Data<FaultData>()).Code);
        Assert.Empty(t.Window.Faults);
    }
}
