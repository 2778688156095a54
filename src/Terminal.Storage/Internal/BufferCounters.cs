namespace Terminal.Storage.Internal;

/// <summary>
/// The buffer's figures, kept exact in memory and written to the <c>counters</c> row with every
/// deletion and every <see cref="EventBufferOptions.CountersInterval"/> appended events, so opening
/// reads one row and a bounded tail instead of scanning the backlog (docs/mqtt.md#delivery).
/// </summary>
internal sealed record BufferCounters
{
    /// <summary>Highest seq committed.</summary>
    public long LastSeq { get; set; }

    /// <summary>Seq reservation in force (the side file holds at least this).</summary>
    public long Reserved { get; set; }

    public long Pending { get; set; }

    public long PendingBytes { get; set; }

    public long Evictable { get; set; }

    public long EvictableBytes { get; set; }

    /// <summary>Events evicted since the database was created.</summary>
    public long Evicted { get; set; }

    /// <summary>Events appended since the row was last written (not stored: opening counts them).</summary>
    public int SinceRow { get; set; }

    public BufferCounters Copy() => this with { };

    public void Add(int bytes, bool evictable, int sign)
    {
        Pending += sign;
        PendingBytes += sign * (long)bytes;
        if (evictable)
        {
            Evictable += sign;
            EvictableBytes += sign * (long)bytes;
        }
    }
}
