using Terminal.Mqtt.Session;

namespace Terminal.Mqtt.Tests.Session;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_GrowsExponentiallyWithFullJitter_UpToTheCap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), new Random(7));

        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Next()).ToList();

        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i], TimeSpan.Zero, backoff.Ceiling(i));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(400), backoff.Ceiling(2));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Ceiling(11));
        Assert.True(delays.Distinct().Count() > 6, "jittered, not constant");
    }

    [Fact]
    public void Reset_StartsOverFromTheBaseDelay()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), new Random(1));
        _ = Enumerable.Range(0, 5).Select(_ => backoff.Next()).ToList();

        backoff.Reset();

        Assert.InRange(backoff.Next(), TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }
}
