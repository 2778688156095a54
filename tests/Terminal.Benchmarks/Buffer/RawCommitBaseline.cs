using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Terminal.Benchmarks.Buffer;

/// <summary>
/// The floor a durable append cannot beat on this filesystem: one INSERT + COMMIT on a bare
/// table, WAL, synchronous=FULL (issue 3 benchmark baseline).
/// </summary>
internal sealed class RawCommitBaseline : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private long _seq;

    public RawCommitBaseline(string directory)
    {
        Directory.CreateDirectory(directory);
        _connection = new SqliteConnection($"Data Source={Path.Combine(directory, "baseline.db")};Pooling=False");
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            // Same SQLite settings as the buffer (BufferDatabase.cs), so only the buffer's own work differs.
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=1000; PRAGMA journal_size_limit=4194304; " +
                "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, payload BLOB NOT NULL);";
            setup.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO events (seq, payload) VALUES ($seq, $payload)";
        _insert.Parameters.Add("$seq", SqliteType.Integer);
        _insert.Parameters.Add("$payload", SqliteType.Blob);
    }

    /// <summary>One durable commit of <paramref name="rows"/> rows; returns its time in microseconds.</summary>
    public double Commit(int rows)
    {
        var started = Stopwatch.GetTimestamp();
        using (var transaction = _connection.BeginTransaction())
        {
            _insert.Transaction = transaction;
            for (var i = 0; i < rows; i++)
            {
                _insert.Parameters[0].Value = ++_seq;
                _insert.Parameters[1].Value = BenchEvents.Envelope(_seq);
                _insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }
}
