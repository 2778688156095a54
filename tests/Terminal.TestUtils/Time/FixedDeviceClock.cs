using Terminal.Core.Time;

namespace Terminal.TestUtils.Time;

/// <summary>A device clock that says whether it is synchronised as told.</summary>
public sealed class FixedDeviceClock(bool synced) : IDeviceClock
{
    public ClockReading Read() => new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), synced, "boot", 1000);
}
