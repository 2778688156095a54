using Terminal.Core.Time;

namespace Terminal.Host.SelfTest;

/// <summary>The kernel says the clock is NTP-synchronised (docs/mqtt.md#time: a Pi has no real-time clock).</summary>
internal sealed class ClockCheck(IDeviceClock clock) : ISelfTestCheck
{
    public string Name => "clock";

    public IEnumerable<SelfTestPart> Run()
    {
        var reading = clock.Read();
        var now = reading.Wall.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        yield return reading.Synced
            ? SelfTestPart.Pass(Name, $"synchronised, {now}")
            : SelfTestPart.Fail(Name, $"not synchronised ({now}): events carry clockSynced=false until NTP syncs; check the NTP server is reachable (timedatectl timesync-status)");
    }
}
