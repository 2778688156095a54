namespace Terminal.Storage.Internal;

/// <summary>One <see cref="EventBuffer.AppendAsync"/> call waiting for the group commit that carries it.</summary>
/// <remarks>
/// The writer never completes the task itself: <see cref="Release"/> queues this request to the
/// thread pool, and the caller's continuation runs inline there, on a pool thread, never on the
/// writer. After a batch of several the request goes to the pool's global queue, where the writer's
/// own <c>Task.Yield</c> lands behind it: completed from the writer, the callers' continuations went
/// to the writer thread's local queue, and an idle second core took the writer's yield from the
/// global queue first, draining before they had appended again: they missed the commit and waited
/// a whole second one (issue 3, 8 producers). In FIFO order behind them, the writer drains only
/// once every released caller has appended again; running each continuation in the work item
/// itself (rather than queueing it once more) saves a hop per producer per commit, about 8 % of
/// the 8-producer throughput on the development VM. A lone append goes to the writer thread's
/// local queue, which that thread runs as soon as it waits for the next request.
/// </remarks>
internal sealed class AppendRequest(IReadOnlyList<EventDraft> drafts, Action onReleased) : IThreadPoolWorkItem
{
    // Synchronous continuations are safe only because Complete runs in a pool work item: the
    // caller's code runs up to its next await before onReleased, so EventBuffer.DisposeAsync also
    // waits for that much of it (a continuation must not block on disposing this buffer).
    private readonly TaskCompletionSource<IReadOnlyList<StoredEvent>> _done = new();

    public IReadOnlyList<EventDraft> Drafts { get; } = drafts;

    /// <summary>The events as written in the open transaction; published only once it commits.</summary>
    public List<StoredEvent>? Written { get; set; }

    /// <summary>Why this request was not written (refused, encoder failed), decided before commit.</summary>
    public Exception? Refusal { get; set; }

    public Task<IReadOnlyList<StoredEvent>> Task => _done.Task;

    /// <summary>
    /// Completes the task, once the commit (or refusal) is decided, from a pool work item: in the
    /// global queue when <paramref name="batched"/> (a batch the writer will yield after), else in
    /// the writer thread's local queue.
    /// </summary>
    public void Release(bool batched) => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: !batched);

    void IThreadPoolWorkItem.Execute() => Complete();

    private void Complete()
    {
        try
        {
            if (Refusal is { } refusal)
            {
                _done.TrySetException(refusal);
            }
            else if (Written is null)
            {
                _done.TrySetException(new InvalidOperationException("append neither written nor refused"));
            }
            else
            {
                _done.TrySetResult(Written);
            }
        }
        finally
        {
            onReleased();
        }
    }
}
