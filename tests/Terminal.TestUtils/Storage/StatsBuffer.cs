using Terminal.Storage;

namespace Terminal.TestUtils.Storage;

/// <summary>A buffer that only reports the statistics it is given; the checks must not append.</summary>
public sealed class StatsBuffer(BufferStats stats) : IEventBuffer
{
    public BufferStats Stats { get; set; } = stats;

    public static BufferStats Empty { get; } = new(0, 0, null, 0, 1000, 64L * 1024 * 1024, false, false);

    public Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the self-test must not append events");

    public Task<IReadOnlyList<StoredEvent>> ReadPendingAsync(long afterSeq, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task AcknowledgeAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task WaitForPendingAfterAsync(long afterSeq, CancellationToken cancellationToken) => throw new NotSupportedException();

    public BufferStats GetStats() => Stats;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
