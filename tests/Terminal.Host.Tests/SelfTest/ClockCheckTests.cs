using Terminal.Host.SelfTest;
using Terminal.Host.Tests.Fakes;

namespace Terminal.Host.Tests.SelfTest;

public class ClockCheckTests
{
    [Fact]
    public void SynchronisedClock_Passes()
    {
        var part = Assert.Single(new ClockCheck(new FixedDeviceClock(synced: true)).Run());

        Assert.True(part.Passed);
        Assert.Equal("synchronised, 2026-11-21 10:00:00Z", part.Detail);
    }

    [Fact]
    public void UnsynchronisedClock_Fails_PointingAtNtp()
    {
        var part = Assert.Single(new ClockCheck(new FixedDeviceClock(synced: false)).Run());

        Assert.False(part.Passed);
        Assert.Contains("clockSynced=false", part.Detail, StringComparison.Ordinal);
        Assert.Contains("NTP", part.Detail, StringComparison.Ordinal);
    }
}
