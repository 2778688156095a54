namespace Terminal.Core.Time;

/// <summary>The time fields every event carries (docs/mqtt.md#time).</summary>
/// <param name="Wall">Wall-clock time.</param>
/// <param name="Synced">Whether the kernel reports the clock synchronised (NTP).</param>
/// <param name="BootId">Kernel boot id.</param>
/// <param name="UptimeMs">Monotonic milliseconds since boot.</param>
public readonly record struct ClockReading(DateTimeOffset Wall, bool Synced, string BootId, long UptimeMs);

/// <summary>Reads the device clock state; the host implements it on Linux, tests fake it.</summary>
public interface IDeviceClock
{
    /// <summary>Reads the wall time and its quality now.</summary>
    ClockReading Read();
}
