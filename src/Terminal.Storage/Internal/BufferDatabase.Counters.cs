namespace Terminal.Storage.Internal;

/// <summary>
/// The <c>counters</c> row: the buffer's figures, so opening never counts the backlog. It is
/// rewritten with every deletion (acknowledgement, eviction) but only every
/// <see cref="EventBufferOptions.CountersInterval"/> appended events: one page fewer in most commits
/// (issue 15, SD-card wear). Invariant: every event with a seq above the row's <c>last_seq</c> was
/// appended after the row was written and none of them was deleted since, so the row plus those
/// events gives the exact figures.
/// </summary>
internal sealed partial class BufferDatabase
{
    /// <summary>
    /// The exact counters at open: the row plus the events appended after it, a primary-key range
    /// scan of fewer than <see cref="EventBufferOptions.CountersInterval"/> rows whatever the
    /// backlog (docs/mqtt.md#delivery: start-up does not scan the backlog).
    /// </summary>
    public BufferCounters ReadCounters()
    {
        var counters = ReadCountersRow();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT seq, length(payload), evictable FROM events WHERE seq > $after ORDER BY seq";
        command.Parameters.AddWithValue("$after", counters.LastSeq);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counters.Add(reader.GetInt32(1), reader.GetInt64(2) == 1, sign: 1);
            counters.LastSeq = reader.GetInt64(0);
            counters.SinceRow++;
        }

        return counters;
    }

    public void WriteCounters(BufferCounters c)
    {
        _writeCounters.Bind(1, c.LastSeq).Bind(2, c.Reserved).Bind(3, c.Pending).Bind(4, c.PendingBytes)
            .Bind(5, c.Evictable).Bind(6, c.EvictableBytes).Bind(7, c.Evicted).Execute();
    }

    private BufferCounters ReadCountersRow()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT last_seq, reserved, pending, pending_bytes, evictable, evictable_bytes, evicted FROM counters WHERE id = 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidDataException("counters row missing");
        }

        return new BufferCounters
        {
            LastSeq = reader.GetInt64(0),
            Reserved = reader.GetInt64(1),
            Pending = reader.GetInt64(2),
            PendingBytes = reader.GetInt64(3),
            Evictable = reader.GetInt64(4),
            EvictableBytes = reader.GetInt64(5),
            Evicted = reader.GetInt64(6),
        };
    }
}
