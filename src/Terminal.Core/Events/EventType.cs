namespace Terminal.Core.Events;

/// <summary>Event types of docs/mqtt.md#envelope; the lower-case name is the topic level.</summary>
public enum EventType
{
    /// <summary>A rating key press (or aggregated repeat presses).</summary>
    Rating,

    /// <summary>A rating session opened or closed.</summary>
    Session,

    /// <summary>A badge swipe or pause/resume.</summary>
    Attendance,

    /// <summary>A hardware, storage or clock fault.</summary>
    Fault,
}

/// <summary>Names and retention of <see cref="EventType"/> values.</summary>
public static class EventTypes
{
    /// <summary>The wire name: <c>rating</c>, <c>session</c>, <c>attendance</c>, <c>fault</c>.</summary>
    public static string WireName(this EventType type) => type switch
    {
        EventType.Rating => "rating",
        EventType.Session => "session",
        EventType.Attendance => "attendance",
        EventType.Fault => "fault",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown event type"),
    };

    /// <summary>
    /// Whether the buffer may evict this type when full (docs/mqtt.md#delivery): faults and telemetry may go,
    /// ratings, sessions and attendance never silently.
    /// </summary>
    public static bool IsEvictable(this EventType type) => type == EventType.Fault;
}
