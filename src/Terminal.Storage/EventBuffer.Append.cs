using Terminal.Storage.Internal;

namespace Terminal.Storage;

/// <summary>Appending: one writer task, group commit (issue 3).</summary>
public sealed partial class EventBuffer
{
    // Appends that arrive while a commit is in flight share the next one: one fsync for all.
    private const int MaxRequestsPerCommit = 512;

    /// <inheritdoc />
    /// <remarks>
    /// Cancellation is honoured only before the request is queued: once queued it commits (or is
    /// refused) as a whole, so the caller is never left unsure whether a press was recorded.
    /// </remarks>
    public Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<EventDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (drafts.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<StoredEvent>>([]);
        }

        var request = new AppendRequest(drafts, _onReleased);
        if (!_requests.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(EventBuffer));
        }

        return request.Task;
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<AppendRequest>();
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                while (batch.Count < MaxRequestsPerCommit && _requests.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                CommitBatch(batch);
                Publish();
            }
            finally
            {
                _gate.Release();
            }

            // Transitions first: whoever awaited an append that made the buffer (near) full finds
            // StatsChanged already raised when it resumes.
            AnnounceTransitions();

            // A batch of several is completed through the pool's global queue, ahead of the yield
            // below (see AppendRequest); a lone append through this thread's own queue.
            var concurrent = batch.Count > 1;
            Interlocked.Add(ref _releasing, batch.Count);
            foreach (var request in batch)
            {
                request.Release(batched: concurrent);
            }

            // Producers just released will append again at once: let their continuations run before
            // draining, so they join the next commit instead of waiting a whole fsync for the one
            // after (closed-loop producers otherwise split in two alternating halves). No timer: a
            // lone append (batch of one) never yields, so a single press still commits at once.
            batch.Clear();
            if (concurrent)
            {
                await Task.Yield();
            }
        }
    }

    private void CommitBatch(List<AppendRequest> batch)
    {
        var before = _counters.Copy();
        var wasEmpty = before.Pending == 0;
        var evicted = 0;
        var written = 0;
        var committed = false;
        try
        {
            _database.Begin();
            foreach (var request in batch)
            {
                evicted += Write(request);
                written += request.Written is null ? 0 : 1;
            }

            if (written == 0)
            {
                _database.Rollback();
                return;
            }

            if (_counters.LastSeq > _counters.Reserved)
            {
                // The side file must cover a seq before any commit that uses it.
                var reserved = _counters.LastSeq + ReservationBlock;
                _seqFile.Write(new SeqMark(reserved, Exact: false));
                _counters.Reserved = reserved;
            }

            // The row only every CountersInterval appends (one page fewer per press, issue 15), but
            // always with an eviction: opening can count appended events, not deleted ones.
            if (evicted > 0 || _counters.SinceRow >= _options.CountersInterval)
            {
                _counters.SinceRow = 0;
                _database.WriteCounters(_counters);
            }

            _database.Commit();
            committed = true;
            _database.SyncWal(); // docs/mqtt.md#delivery: reported committed only once on the medium
            Interlocked.Increment(ref _commits);
            _burntSinceCommit = false;
        }
        catch (Exception error) when (error is not OutOfMemoryException && committed)
        {
            // The WAL could not be synced: the rows are in the database, maybe not on the medium.
            // The counters keep them (they are published if they survive); the appends fail, as
            // nothing that is not on the medium may be reported committed.
            BufferLog.CommitFailed(_logger, error, written);
            Refuse(batch, error);
            RefreshEnds();
            return;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Any failure (SQLite, the side file, a bug) fails this batch only; the writer lives on.
            _database.Rollback();

            // The failed commit's seqs may be on disk after all (a failed fsync): never hand them out again.
            var burnt = _counters.LastSeq;
            _burntSinceCommit |= burnt > before.LastSeq;
            _counters = before;
            _counters.LastSeq = burnt;
            NoteDamage(error);
            var diskFull = SqliteRuntime.IsDiskFull(error);
            _diskFull |= diskFull;
            BufferLog.CommitFailed(_logger, error, written);
            Refuse(batch, diskFull ? new BufferFullException("The disk is full; the event was not recorded.", error) : error);
            return;
        }

        _diskFull = false;
        if (evicted > 0)
        {
            BufferLog.Evicted(_logger, evicted);
            RefreshEnds();
        }
        else
        {
            Volatile.Write(ref _maxPendingSeq, _counters.LastSeq);
            if (wasEmpty)
            {
                _oldestAt = batch.First(r => r.Written is not null).Written![0].At;
            }
        }
    }

    /// <summary>Every request not already refused fails, including the one being written when it broke.</summary>
    private static void Refuse(List<AppendRequest> batch, Exception refusal)
    {
        foreach (var request in batch.Where(r => r.Refusal is null))
        {
            request.Written = null;
            request.Refusal = refusal;
        }
    }

    /// <summary>Writes one request in the open transaction, evicting if needed; returns how many were evicted.</summary>
    private int Write(AppendRequest request)
    {
        var drafts = request.Drafts;
        var payloads = new byte[drafts.Count][];
        long bytes = 0;
        try
        {
            for (var i = 0; i < drafts.Count; i++)
            {
                payloads[i] = drafts[i].Encode(_counters.LastSeq + 1 + i);
                bytes += payloads[i].Length;
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            request.Refusal = error; // the encoder failed: nothing written, no seq used
            return 0;
        }

        // docs/mqtt.md#delivery: protected events are never evicted; refuse when they alone would overflow.
        var c = _counters;
        if (c.Pending - c.Evictable + drafts.Count > _options.MaxEvents || c.PendingBytes - c.EvictableBytes + bytes > _options.MaxBytes)
        {
            _capacityRefused = true;
            request.Refusal = new BufferFullException($"The buffer is full ({c.Pending} events, {c.PendingBytes} bytes pending); nothing was recorded.");
            return 0;
        }

        var evicted = 0;
        while (c.Pending + drafts.Count > _options.MaxEvents || c.PendingBytes + bytes > _options.MaxBytes)
        {
            var size = _database.EvictOldest() ?? throw new InvalidOperationException("buffer counters disagree with the database");
            c.Add(size, evictable: true, sign: -1);
            c.Evicted++;
            evicted++;
        }

        var stored = new List<StoredEvent>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var seq = c.LastSeq + 1;
            _database.Insert(seq, drafts[i].Type, drafts[i].Evictable, drafts[i].At.ToUnixTimeMilliseconds(), payloads[i]);
            c.Add(payloads[i].Length, drafts[i].Evictable, sign: 1);
            c.LastSeq = seq;
            c.SinceRow++;
            stored.Add(new StoredEvent(seq, drafts[i].Type, drafts[i].At, payloads[i]));
        }

        if (drafts.Any(d => !d.Evictable))
        {
            _capacityRefused = false;
        }

        request.Written = stored;
        return evicted;
    }
}
