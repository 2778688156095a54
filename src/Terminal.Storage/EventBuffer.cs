using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Terminal.Storage.Internal;

namespace Terminal.Storage;

/// <summary>
/// The durable event buffer (docs/mqtt.md#delivery) on SQLite: one writer, group commit, counters kept in the
/// database so opening and <see cref="GetStats"/> never scan the backlog.
/// </summary>
public sealed partial class EventBuffer : IEventBuffer
{
    /// <summary>Seqs reserved in the side file at a time: the largest gap a crash can leave.</summary>
    internal const long ReservationBlock = 1024;

    private readonly EventBufferOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EventBuffer> _logger;
    private readonly BufferDatabase _database;
    private readonly SeqHighWaterFile _seqFile;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<AppendRequest> _requests = Channel.CreateUnbounded<AppendRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly Action _onReleased;
    private BufferCounters _counters;
    private DateTimeOffset? _oldestAt;
    private long _maxPendingSeq;
    private bool _capacityRefused;
    private bool _diskFull;
    private volatile BufferStats _stats;
    private BufferStats _announced;
    private TaskCompletionSource _pendingSignal = NewSignal();
    private bool _disposed;
    private long _commits;
    private bool _burntSinceCommit;
    private int _releasing; // appends decided whose task the pool has not completed yet

    private EventBuffer(
        EventBufferOptions options,
        TimeProvider timeProvider,
        ILogger<EventBuffer> logger,
        BufferDatabase database,
        SeqHighWaterFile seqFile,
        BufferCounters counters,
        IReadOnlyList<BufferIncident> incidents)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _database = database;
        _seqFile = seqFile;
        _counters = counters;
        Incidents = incidents;
        RefreshEnds();
        _stats = _announced = BuildStats();
        _onReleased = () => Interlocked.Decrement(ref _releasing);
        _writer = Task.Run(RunWriterAsync);
    }

    /// <summary>Raised (outside the buffer's lock) when <see cref="BufferStats.NearFull"/> or <see cref="BufferStats.Full"/> changes.</summary>
    public event EventHandler<BufferStats>? StatsChanged;

    /// <summary>What was found and repaired at open (quarantine, seq restored…); the host reports each as a fault.</summary>
    public IReadOnlyList<BufferIncident> Incidents { get; }

    /// <summary>Append transactions committed so far (appends / commits = the group-commit batch size).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    /// <summary>Path of the database file.</summary>
    public string DatabasePath => _database.Path;

    /// <summary>
    /// Opens the buffer in <see cref="EventBufferOptions.DataDirectory"/>: creates it if needed,
    /// quarantines an unreadable database, and restores the <c>seq</c> high-water mark.
    /// </summary>
    public static Task<EventBuffer> OpenAsync(EventBufferOptions options, TimeProvider timeProvider, ILogger<EventBuffer> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        return Task.Run(() => Open(options, timeProvider, logger), cancellationToken);
    }

    /// <inheritdoc />
    public BufferStats GetStats() => _stats;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _requests.Writer.TryComplete();
        await _writer.ConfigureAwait(false);

        // Every decided append's task is complete when disposal returns: they are already queued
        // (AppendRequest), so this only lets the pool run them.
        while (Volatile.Read(ref _releasing) > 0)
        {
            await Task.Yield();
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            // A clean stop records the exact mark, so the next start continues without a gap.
            // Seqs burnt by a failed commit are in no database row: then it stays a reservation, so
            // the next start does not mistake them for lost events.
            _seqFile.Write(new SeqMark(_counters.LastSeq, Exact: !_burntSinceCommit));
        }
        catch (IOException error)
        {
            BufferLog.SideFileWriteFailed(_logger, error);
        }
        finally
        {
            _database.Dispose();
            _gate.Release();
        }

        _pendingSignal.TrySetException(new ObjectDisposedException(nameof(EventBuffer)));
    }

    private static EventBuffer Open(EventBufferOptions options, TimeProvider timeProvider, ILogger<EventBuffer> logger)
    {
        var started = Stopwatch.GetTimestamp();
        SqliteRuntime.EnsureInitialized();
        Directory.CreateDirectory(options.DataDirectory);
        var opening = new BufferOpening(options.DataDirectory, options.MaxPageCount, timeProvider, logger);
        var (database, counters) = opening.Open();

        // Reserve the first block now, so the first press does not pay for the side file.
        try
        {
            var reserved = counters.LastSeq + ReservationBlock;
            opening.SeqFile.Write(new SeqMark(reserved, Exact: false));
            counters.Reserved = reserved;
        }
        catch (IOException error)
        {
            BufferLog.SideFileWriteFailed(logger, error);
            counters.Reserved = counters.LastSeq;
        }

        var buffer = new EventBuffer(options, timeProvider, logger, database, opening.SeqFile, counters, opening.Incidents);
        BufferLog.Opened(logger, database.Path, counters.Pending, counters.LastSeq, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return buffer;
    }

    /// <summary>Marks the database for quarantine at the next start when SQLite reports damage.</summary>
    private void NoteDamage(Exception error)
    {
        if (SqliteRuntime.IsCorrupt(error))
        {
            BufferLog.DamageFound(_logger, error, _database.Path);
            new DamageMarker(_database.Path).Set(error);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void RefreshEnds()
    {
        var (maxSeq, oldestAtMs) = _database.ReadEnds();
        Volatile.Write(ref _maxPendingSeq, maxSeq);
        _oldestAt = oldestAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private BufferStats BuildStats()
    {
        var c = _counters;
        var nearFull = c.Pending * 10 >= _options.MaxEvents * 9 || c.PendingBytes * 10 >= _options.MaxBytes * 9;
        var exhausted = c.Pending - c.Evictable >= _options.MaxEvents || c.PendingBytes - c.EvictableBytes >= _options.MaxBytes;
        return new BufferStats(c.Pending, c.PendingBytes, _oldestAt, c.LastSeq, _options.MaxEvents, _options.MaxBytes, nearFull, _capacityRefused || _diskFull || exhausted);
    }

    /// <summary>Publishes fresh stats and wakes waiters; call under the gate.</summary>
    private void Publish()
    {
        _stats = BuildStats();
        Interlocked.Exchange(ref _pendingSignal, NewSignal()).TrySetResult();
    }

    /// <summary>Raises <see cref="StatsChanged"/> if NearFull/Full changed since last raised; call outside the gate.</summary>
    private void AnnounceTransitions()
    {
        var current = _stats;
        lock (_requests)
        {
            if (current.NearFull == _announced.NearFull && current.Full == _announced.Full)
            {
                return;
            }

            _announced = current;
        }

        try
        {
            StatsChanged?.Invoke(this, current);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            BufferLog.HandlerFailed(_logger, error);
        }
    }
}
