namespace Terminal.Storage;

/// <summary>
/// Where the buffer lives and how much it may hold (docs/mqtt.md#delivery, docs/configuration.md <c>Terminal:Buffer</c>).
/// </summary>
/// <remarks>
/// The defaults suit a Pi on a 16 GB SD card: 500,000 events is months of a busy window offline
/// (a window sees a few hundred events a day), and 256 MiB of payload keeps the database, its
/// indexes and the WAL under about half a gigabyte, a small share of the card.
/// </remarks>
public sealed class EventBufferOptions
{
    /// <summary>Default <see cref="MaxEvents"/>.</summary>
    public const long DefaultMaxEvents = 500_000;

    /// <summary>Default <see cref="MaxBytes"/>: 256 MiB.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>Directory holding <c>events.db</c> (and its WAL) and the <c>events.seq</c> side file.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Most pending events kept; beyond it faults/telemetry are evicted, then appends refused.</summary>
    public long MaxEvents { get; init; } = DefaultMaxEvents;

    /// <summary>Most pending payload bytes kept; same rules as <see cref="MaxEvents"/>.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Default <see cref="CountersInterval"/>.</summary>
    internal const int DefaultCountersInterval = 256;

    /// <summary>
    /// The counters row is rewritten after at most this many appended events (and on every
    /// acknowledgement, eviction and clean stop); opening counts the events appended since by a
    /// primary-key range scan, so this also bounds the rows read at open. 1 writes it on every
    /// commit (the figures before issue 15, kept for the bytes-per-press comparison).
    /// </summary>
    internal int CountersInterval { get; init; } = DefaultCountersInterval;

    /// <summary>
    /// SQLite's <c>max_page_count</c>, for tests that need a full disk where they cannot mount a
    /// small filesystem (SQLITE_FULL then comes from SQLite instead of the kernel).
    /// </summary>
    internal long? MaxPageCount { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("Buffer DataDirectory must not be empty.", nameof(DataDirectory));
        }

        if (MaxEvents < 1)
        {
            throw new ArgumentException($"Buffer MaxEvents must be at least 1 (was {MaxEvents}).", nameof(MaxEvents));
        }

        if (MaxBytes < 1)
        {
            throw new ArgumentException($"Buffer MaxBytes must be at least 1 (was {MaxBytes}).", nameof(MaxBytes));
        }

        if (CountersInterval < 1)
        {
            throw new ArgumentException($"Buffer CountersInterval must be at least 1 (was {CountersInterval}).", nameof(CountersInterval));
        }
    }
}
