using Terminal.Core.Events;
using Terminal.Core.Keys;
using Terminal.Core.Settings;

namespace Terminal.Core.Window;

/// <summary>What the parts of a <see cref="ServiceWindow"/> share: settings, board, clock, staff.</summary>
internal sealed class WindowContext(WindowSettings settings, KeyLayout keys, EventFactory events, TimeProvider time)
{
    public WindowSettings Settings { get; set; } = settings;

    public KeyLayout Keys { get; } = keys;

    public EventFactory Events { get; } = events;

    /// <summary>The signed-in staff id, stamped on every event (docs/mqtt.md#envelope).</summary>
    public string? Staff { get; set; }

    /// <summary>Monotonic now: deadlines never follow wall-clock steps (NTP, docs/mqtt.md#time).</summary>
    public long Now => time.GetTimestamp();

    public TimeSpan Elapsed(long since, long now) => time.GetElapsedTime(since, now);

    /// <summary>Time left until <paramref name="since"/> + <paramref name="span"/>; ≤ 0 when due.</summary>
    public TimeSpan Remaining(long since, TimeSpan span, long now) => span - Elapsed(since, now);

    public string NewId() => Guid.CreateVersion7(time.GetUtcNow()).ToString();
}
