using Terminal.Storage.Internal;

namespace Terminal.Storage;

/// <summary>Draining for the publisher: read in seq order, remove after PUBACK, wait for more.</summary>
public sealed partial class EventBuffer
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadPendingAsync(long afterSeq, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _database.ReadPending(afterSeq, max);
        }
        catch (Microsoft.Data.Sqlite.SqliteException error)
        {
            NoteDamage(error);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>All <paramref name="seqs"/> go in one transaction; seqs no longer present (evicted) are ignored.</remarks>
    public async Task AcknowledgeAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (seqs.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var before = _counters.Copy();
            try
            {
                _database.Begin();
                foreach (var seq in seqs)
                {
                    if (_database.Delete(seq) is { } removed)
                    {
                        _counters.Add(removed.Bytes, removed.Evictable, sign: -1);
                    }
                }

                _counters.SinceRow = 0; // deletions cannot be counted at open: the row goes with each
                _database.WriteCounters(_counters);
                _database.Commit();
            }
            catch (Microsoft.Data.Sqlite.SqliteException error)
            {
                _database.Rollback();
                _counters = before;
                NoteDamage(error);
                if (SqliteRuntime.IsDiskFull(error))
                {
                    throw new BufferFullException("The disk is full; the acknowledgement will be retried.", error);
                }

                throw;
            }

            // Space was freed and a commit went through: let the next protected append try again.
            _capacityRefused = false;
            _diskFull = false;
            RefreshEnds();
            Publish();
        }
        finally
        {
            _gate.Release();
        }

        AnnounceTransitions();
    }

    /// <inheritdoc />
    public async Task WaitForPendingAfterAsync(long afterSeq, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the signal before checking, so a commit in between still wakes us.
            var signal = Volatile.Read(ref _pendingSignal);
            if (Volatile.Read(ref _maxPendingSeq) > afterSeq)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
