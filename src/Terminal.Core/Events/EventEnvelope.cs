namespace Terminal.Core.Events;

/// <summary>
/// One event as published on <c>eval/v1/{hall}/{terminal}/event/{type}</c> (docs/mqtt.md#envelope).
/// <see cref="Seq"/> is 0 until the durable buffer assigns it at commit.
/// </summary>
public sealed record EventEnvelope
{
    /// <summary>Envelope schema version.</summary>
    public int V { get; init; } = 1;

    /// <summary>UUIDv7, lets the server drop duplicates of an at-least-once delivery.</summary>
    public required Guid Id { get; init; }

    /// <summary>Strictly increasing per terminal; assigned by the buffer at commit.</summary>
    public long Seq { get; init; }

    /// <summary>The event type, also the last topic level.</summary>
    public required EventType Type { get; init; }

    /// <summary>Terminal id.</summary>
    public required string Terminal { get; init; }

    /// <summary>Hall id.</summary>
    public required string Hall { get; init; }

    /// <summary>Window (counter) name.</summary>
    public required string Window { get; init; }

    /// <summary>Wall-clock time of the event (docs/mqtt.md#time).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Whether the kernel reported the clock NTP-synchronised at <see cref="At"/>.</summary>
    public required bool ClockSynced { get; init; }

    /// <summary>Kernel boot id, so the server can relate <see cref="UpMs"/> values.</summary>
    public required string Boot { get; init; }

    /// <summary>Monotonic milliseconds since boot.</summary>
    public required long UpMs { get; init; }

    /// <summary>The signed-in staff id, or null.</summary>
    public string? Staff { get; init; }

    /// <summary>Type-specific payload.</summary>
    public required EventData Data { get; init; }
}
