using System.Text;
using Microsoft.Data.Sqlite;
using Terminal.Storage;

namespace Terminal.PowerCut.Campaign;

/// <summary>
/// The buffer's database as a power cut left it (copied by the guest before the terminal opened it),
/// opened the way the next start opens it: SQLite's integrity check, the counters row against the
/// rows, and the events it holds.
/// </summary>
internal sealed record DatabaseSnapshot(IReadOnlyList<EventRecord> Events, IReadOnlyList<string> Problems)
{
    public static DatabaseSnapshot? Read(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "events.db")))
        {
            return null;
        }

        SQLitePCL.Batteries_V2.Init();
        var scratch = Directory.CreateTempSubdirectory("power-cut-db-");
        try
        {
            foreach (var file in Directory.GetFiles(directory))
            {
                File.Copy(file, Path.Combine(scratch.FullName, Path.GetFileName(file)));
            }

            using var connection = new SqliteConnection($"Data Source={Path.Combine(scratch.FullName, "events.db")};Pooling=False");
            connection.Open(); // read-write: recovers the WAL as the terminal's open does
            return Check(connection);
        }
        catch (SqliteException error)
        {
            return new DatabaseSnapshot([], [$"SQLite cannot read it: {error.Message}"]);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static DatabaseSnapshot Check(SqliteConnection connection)
    {
        var problems = new List<string>();
        var integrity = Scalar(connection, "PRAGMA integrity_check")?.ToString();
        if (integrity != "ok")
        {
            problems.Add($"integrity_check: {integrity}");
        }

        var events = new List<EventRecord>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, payload FROM events ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var seq = reader.GetInt64(0);
                var record = EventRecord.Parse(Encoding.UTF8.GetString((byte[])reader.GetValue(1))).SingleOrDefault();
                if (record is null || record.Seq != seq)
                {
                    problems.Add($"row seq {seq} does not hold its envelope");
                }
                else
                {
                    events.Add(record);
                }
            }
        }

        // The counters row plus the events appended after it must give the exact figures, with a
        // short tail (the row is rewritten every CountersInterval appends and with every deletion).
        var rowSeq = (long)Scalar(connection, "SELECT last_seq FROM counters")!;
        var rowPending = (long)Scalar(connection, "SELECT pending FROM counters")!;
        var tail = events.Count(e => e.Seq > rowSeq);
        if (rowPending + tail != events.Count)
        {
            problems.Add($"counters: row says {rowPending} pending up to seq {rowSeq}, plus {tail} after it, but {events.Count} rows");
        }

        if (tail >= EventBufferOptions.DefaultCountersInterval)
        {
            problems.Add($"counters: {tail} rows after the row's seq {rowSeq}: the open scan is no longer bounded");
        }

        return new DatabaseSnapshot(events, problems);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
