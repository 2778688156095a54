namespace Terminal.Storage;

/// <summary>An event to append; its payload is encoded once its <c>seq</c> is known.</summary>
/// <param name="Type">Event type (<c>rating</c>, <c>fault</c>…), stored for stats and eviction.</param>
/// <param name="Evictable">Whether it may be evicted when the buffer is full (faults, telemetry).</param>
/// <param name="At">Event time, for the oldest-pending figure.</param>
/// <param name="Encode">Produces the payload (the published bytes) for the assigned <c>seq</c>.</param>
public sealed record EventDraft(string Type, bool Evictable, DateTimeOffset At, Func<long, byte[]> Encode);

/// <summary>A committed event.</summary>
/// <param name="Seq">Its sequence number.</param>
/// <param name="Type">Event type.</param>
/// <param name="At">Event time.</param>
/// <param name="Payload">The bytes to publish.</param>
public sealed record StoredEvent(long Seq, string Type, DateTimeOffset At, ReadOnlyMemory<byte> Payload);

/// <summary>Buffer figures for status, <c>terminalctl buffer stats</c> and the storage faults.</summary>
/// <param name="Pending">Events not yet acknowledged.</param>
/// <param name="PendingBytes">Payload bytes not yet acknowledged.</param>
/// <param name="OldestAt">Time of the oldest pending event.</param>
/// <param name="LastSeq">Highest <c>seq</c> ever assigned.</param>
/// <param name="MaxEvents">Capacity in events.</param>
/// <param name="MaxBytes">Capacity in bytes.</param>
/// <param name="NearFull">At or above 90 % of a capacity.</param>
/// <param name="Full">New protected events are refused.</param>
public sealed record BufferStats(
    long Pending,
    long PendingBytes,
    DateTimeOffset? OldestAt,
    long LastSeq,
    long MaxEvents,
    long MaxBytes,
    bool NearFull,
    bool Full);

/// <summary>The buffer cannot take a protected event: capacity or disk exhausted (docs/mqtt.md#delivery).</summary>
public sealed class BufferFullException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BufferFullException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BufferFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public BufferFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
