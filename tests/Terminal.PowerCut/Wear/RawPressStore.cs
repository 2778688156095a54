using Microsoft.Data.Sqlite;

namespace Terminal.PowerCut.Wear;

/// <summary>
/// The floor: plain SQLite with the buffer's settings (BufferDatabase: exclusive locking, WAL,
/// synchronous=FULL, the same auto-checkpoint, WAL limit, table and page size), one INSERT per
/// event and one COMMIT per press, nothing else (no counters row, no seq side file).
/// </summary>
internal sealed class RawPressStore : IPressStore
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private long _seq;

    public RawPressStore(string directory)
    {
        SQLitePCL.Batteries_V2.Init();
        Directory.CreateDirectory(directory);
        _connection = new SqliteConnection($"Data Source={Path.Combine(directory, "raw.db")};Pooling=False");
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=1000; PRAGMA journal_size_limit=4194304;
                CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, evictable INTEGER NOT NULL, at INTEGER NOT NULL, payload BLOB NOT NULL);
                CREATE INDEX IF NOT EXISTS events_evictable ON events(seq) WHERE evictable = 1;
                """;
            setup.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO events (seq, type, evictable, at, payload) VALUES ($seq, $type, 0, 1795977579000, $payload)";
        _insert.Parameters.Add("$seq", SqliteType.Integer);
        _insert.Parameters.Add("$type", SqliteType.Text);
        _insert.Parameters.Add("$payload", SqliteType.Blob);
        using var size = _connection.CreateCommand();
        size.CommandText = "PRAGMA page_size";
        PageSize = Convert.ToInt32(size.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public int PageSize { get; }

    public Task PressAsync()
    {
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        for (var i = 0; i < PressEvents.Press.Length; i++)
        {
            _insert.Parameters[0].Value = ++_seq;
            _insert.Parameters[1].Value = PressEvents.Press[i].Type;
            _insert.Parameters[2].Value = PressEvents.Encode(_seq, i);
            _insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _insert.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
