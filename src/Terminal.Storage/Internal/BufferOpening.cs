using Microsoft.Extensions.Logging;

namespace Terminal.Storage.Internal;

/// <summary>
/// Opening the buffer: reads the seq side file, opens the database or quarantines it, and picks
/// where <c>seq</c> continues (the larger of the two marks), collecting incidents on the way.
/// </summary>
internal sealed class BufferOpening(string directory, long? maxPageCount, TimeProvider timeProvider, ILogger logger)
{
    private readonly List<BufferIncident> _incidents = [];

    public SeqHighWaterFile SeqFile { get; } = new(directory);

    public IReadOnlyList<BufferIncident> Incidents => _incidents;

    public (BufferDatabase Database, BufferCounters Counters) Open()
    {
        var markExisted = File.Exists(SeqFile.Path);
        var mark = ReadMark();
        var path = Path.Combine(directory, "events.db");
        var existed = File.Exists(path);
        var (database, counters, quarantined) = OpenOrQuarantine(path, mark);

        if (mark is { } m && m.Value > counters.LastSeq)
        {
            // After a quarantine its incident already says where seq continues.
            if (quarantined)
            {
                counters.LastSeq = m.Value;
                return (database, counters);
            }

            if (!existed)
            {
                Report(BufferIncident.SeqRestored, $"events.db was missing; a new one continues after seq {m.Value}");
            }
            else if (m.Exact)
            {
                Report(BufferIncident.SeqRestored, $"events.db ends at seq {counters.LastSeq} but seq {m.Value} was reached (restored from an older copy?); continuing after {m.Value}");
            }
            else
            {
                BufferLog.ContinuingAfterReservation(logger, m.Value);
            }

            counters.LastSeq = m.Value;
        }
        else if (!markExisted && existed && !quarantined && counters.LastSeq > 0)
        {
            Report(BufferIncident.SeqFileUnreadable, $"{SeqFile.Path} was missing; rewritten from events.db (seq {counters.LastSeq})");
        }

        return (database, counters);
    }

    private SeqMark? ReadMark()
    {
        try
        {
            return SeqFile.Read();
        }
        catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Report(BufferIncident.SeqFileUnreadable, $"{SeqFile.Path} is unreadable ({error.Message}); using the database's mark");
            return null;
        }
    }

    private (BufferDatabase, BufferCounters, bool Quarantined) OpenOrQuarantine(string path, SeqMark? mark)
    {
        BufferDatabase? database = null;
        try
        {
            if (File.Exists(path) && !WalHeader.IsIntact(path + "-wal"))
            {
                throw new InvalidDataException("the WAL header is damaged");
            }

            var marker = new DamageMarker(path);
            if (File.Exists(path) && marker.Exists)
            {
                throw new InvalidDataException($"damage was found while running: {marker.Reason}");
            }

            database = BufferDatabase.Open(path, maxPageCount);
            return (database, database.ReadCounters(), false);
        }
        catch (Exception error) when (SqliteRuntime.IsUnreadable(error))
        {
            database?.Dispose();
            var target = DatabaseQuarantine.MoveAside(path, timeProvider.GetUtcNow());
            BufferLog.Quarantined(logger, error, path, target);
            new DamageMarker(path).Clear();
            var fresh = BufferDatabase.Open(path, maxPageCount);
            Report(BufferIncident.Quarantined, $"{Path.GetFileName(path)} was unreadable ({error.Message}); kept as {Path.GetFileName(target)}, a new database continues after seq {mark?.Value ?? 0}");
            return (fresh, fresh.ReadCounters(), true);
        }
    }

    private void Report(string code, string detail)
    {
        BufferLog.Incident(logger, code, detail);
        _incidents.Add(new BufferIncident(code, detail));
    }
}
