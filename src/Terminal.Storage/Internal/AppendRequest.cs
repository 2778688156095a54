namespace Terminal.Storage.Internal;

/// <summary>One <see cref="EventBuffer.AppendAsync"/> call waiting for the group commit that carries it.</summary>
/// <remarks>
/// After a batch of several, the writer does not complete the task itself: <see cref="Release"/>
/// queues this request to the thread pool's global queue, where the writer's own <c>Task.Yield</c>
/// lands behind it. Completed
/// from the writer, the callers' continuations went to the writer thread's local queue, and an idle
/// second core took the writer's yield from the global queue first, draining before they had
/// appended again: they missed the commit and waited a whole second one (issue 3, 8 producers).
/// In FIFO order behind them, the writer drains only once every released caller has started.
/// </remarks>
internal sealed class AppendRequest(IReadOnlyList<EventDraft> drafts, Action onReleased) : IThreadPoolWorkItem
{
    // Continuations still run asynchronously: the work item only sets the result (so the count
    // EventBuffer.DisposeAsync waits on never depends on caller code), and the caller's
    // continuation follows on the same pool thread's local queue, before it looks at the global one.
    private readonly TaskCompletionSource<IReadOnlyList<StoredEvent>> _done =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<EventDraft> Drafts { get; } = drafts;

    /// <summary>The events as written in the open transaction; published only once it commits.</summary>
    public List<StoredEvent>? Written { get; set; }

    /// <summary>Why this request was not written (refused, encoder failed), decided before commit.</summary>
    public Exception? Refusal { get; set; }

    public Task<IReadOnlyList<StoredEvent>> Task => _done.Task;

    /// <summary>
    /// Completes the task once the commit (or refusal) is decided: from the pool's global queue
    /// when <paramref name="queued"/> (a batch the writer will yield after), else at once.
    /// </summary>
    public void Release(bool queued)
    {
        if (queued)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            Complete();
        }
    }

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
