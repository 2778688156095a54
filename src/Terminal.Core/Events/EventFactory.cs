using Terminal.Core.Identity;
using Terminal.Core.Time;

namespace Terminal.Core.Events;

/// <summary>Stamps new events with identity, time fields and a UUIDv7 id.</summary>
public sealed class EventFactory(TerminalIdentity identity, IDeviceClock clock)
{
    /// <summary>The terminal the events belong to.</summary>
    public TerminalIdentity Identity { get; } = identity;

    /// <summary>Creates an uncommitted event (<c>Seq</c> = 0).</summary>
    public EventEnvelope Create(EventType type, string? staff, EventData data)
    {
        var now = clock.Read();
        return new EventEnvelope
        {
            Id = Guid.CreateVersion7(now.Wall),
            Type = type,
            Terminal = Identity.TerminalId,
            Hall = Identity.HallId,
            Window = Identity.Window,
            At = now.Wall,
            ClockSynced = now.Synced,
            Boot = now.BootId,
            UpMs = now.UptimeMs,
            Staff = staff,
            Data = data,
        };
    }
}
