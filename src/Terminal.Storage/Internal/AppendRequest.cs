namespace Terminal.Storage.Internal;

/// <summary>One <see cref="EventBuffer.AppendAsync"/> call waiting for the group commit that carries it.</summary>
internal sealed class AppendRequest(IReadOnlyList<EventDraft> drafts)
{
    private readonly TaskCompletionSource<IReadOnlyList<StoredEvent>> _done =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<EventDraft> Drafts { get; } = drafts;

    /// <summary>The events as written in the open transaction; published only once it commits.</summary>
    public List<StoredEvent>? Written { get; set; }

    /// <summary>Why this request was not written (refused, encoder failed), decided before commit.</summary>
    public Exception? Refusal { get; set; }

    public Task<IReadOnlyList<StoredEvent>> Task => _done.Task;

    public void Complete()
    {
        if (Written is null)
        {
            _done.TrySetException(new InvalidOperationException("append neither written nor refused"));
            return;
        }

        _done.TrySetResult(Written);
    }

    public void Fail(Exception error) => _done.TrySetException(error);
}
