namespace Terminal.Storage;

/// <summary>
/// The durable event buffer (docs/mqtt.md#delivery): appends are committed (fsync) before they return, every
/// event gets a strictly increasing <c>seq</c>, and events leave only when acknowledged.
/// </summary>
public interface IEventBuffer : IAsyncDisposable
{
    /// <summary>
    /// Commits <paramref name="drafts"/> durably, in order, assigning each the next <c>seq</c>.
    /// Returns once they are on disk.
    /// </summary>
    /// <exception cref="BufferFullException">Capacity or disk is exhausted and nothing evictable is left; nothing was written.</exception>
    Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken);

    /// <summary>Pending events with <c>seq</c> &gt; <paramref name="afterSeq"/>, in <c>seq</c> order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadPendingAsync(long afterSeq, int max, CancellationToken cancellationToken);

    /// <summary>Removes delivered (PUBACKed) events.</summary>
    Task AcknowledgeAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken);

    /// <summary>Completes when a pending event with <c>seq</c> &gt; <paramref name="afterSeq"/> exists.</summary>
    Task WaitForPendingAfterAsync(long afterSeq, CancellationToken cancellationToken);

    /// <summary>Current counts and capacity, without touching the disk.</summary>
    BufferStats GetStats();
}
