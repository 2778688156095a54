using Microsoft.Data.Sqlite;

namespace Terminal.Storage.Internal;

/// <summary>
/// The SQLite file behind the buffer: schema, pragmas and the few statements it needs, prepared
/// once. Not thread-safe: <see cref="EventBuffer"/> serialises access.
/// </summary>
internal sealed partial class BufferDatabase : IDisposable
{
    // docs/mqtt.md#delivery: a commit is on disk when it returns. WAL, and the WAL synced after every append
    // commit (SyncWal): by fdatasync here rather than by SQLite's synchronous=FULL, because this
    // SQLite build syncs with fsync, which makes ext4 commit its journal for the WAL's new
    // modification time at every press; synchronous=NORMAL still syncs around checkpoints and keeps
    // the database consistent (issue 15: SD-card wear). The WAL is kept bounded: auto-checkpoint
    // every 1000 pages (~4 MiB), truncated back to 4 MiB after a checkpoint. locking_mode=EXCLUSIVE
    // before the first WAL access keeps the WAL index in this process's memory instead of a
    // memory-mapped -shm file whose pages and times the kernel would write back every half minute;
    // nothing else opens the file while the terminal runs: a second opener waits InUseWait, then
    // fails with a BufferInUseException naming the file.
    private const string Pragmas = """
        PRAGMA locking_mode=EXCLUSIVE;
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=NORMAL;
        PRAGMA wal_autocheckpoint=1000;
        PRAGMA journal_size_limit=4194304;
        PRAGMA foreign_keys=OFF;
        """;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS events (
            seq INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            evictable INTEGER NOT NULL,
            at INTEGER NOT NULL,
            payload BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS events_evictable ON events(seq) WHERE evictable = 1;
        CREATE TABLE IF NOT EXISTS counters (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_seq INTEGER NOT NULL, reserved INTEGER NOT NULL,
            pending INTEGER NOT NULL, pending_bytes INTEGER NOT NULL,
            evictable INTEGER NOT NULL, evictable_bytes INTEGER NOT NULL,
            evicted INTEGER NOT NULL);
        INSERT OR IGNORE INTO counters VALUES (1, 0, 0, 0, 0, 0, 0, 0);
        PRAGMA user_version = 1;
        """;

    /// <summary>How long opening waits for another process to let go of the file (a service still stopping).</summary>
    internal static readonly TimeSpan InUseWait = TimeSpan.FromSeconds(5);

    private readonly SqliteConnection _connection;
    private readonly RawStatement _insert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _evictOldest;
    private readonly RawStatement _writeCounters;
    private readonly SqliteCommand _readPending;
    private SqliteTransaction? _transaction;

    private BufferDatabase(SqliteConnection connection)
    {
        _connection = connection;
        _insert = new RawStatement(connection, "INSERT INTO events (seq, type, evictable, at, payload) VALUES (?1, ?2, ?3, ?4, ?5)");
        _delete = Prepare("DELETE FROM events WHERE seq = $seq RETURNING length(payload), evictable", "$seq");
        _evictOldest = Prepare("DELETE FROM events WHERE seq = (SELECT seq FROM events WHERE evictable = 1 ORDER BY seq LIMIT 1) RETURNING length(payload)");
        _writeCounters = new RawStatement(
            connection,
            "UPDATE counters SET last_seq = ?1, reserved = ?2, pending = ?3, pending_bytes = ?4, evictable = ?5, evictable_bytes = ?6, evicted = ?7 WHERE id = 1");
        _readPending = Prepare("SELECT seq, type, at, payload FROM events WHERE seq > $after ORDER BY seq LIMIT $max", "$after", "$max");
    }

    public string Path { get; private init; } = "";

    /// <summary>Opens (creating if needed) and checks the file; throws <see cref="SqliteException"/> when it is unreadable.</summary>
    public static BufferDatabase Open(string path, long? maxPageCount = null)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false, // closing must really close the file (quarantine renames it)
            DefaultTimeout = (int)InUseWait.TotalSeconds,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            Execute(connection, Pragmas);
            Execute(connection, Schema);
            if (maxPageCount is { } pages)
            {
                Execute(connection, $"PRAGMA max_page_count={pages}");
            }

            // The schema on the medium before anything relies on it, as synchronous=FULL had it: a
            // power cut before the first append otherwise leaves a database without its tables.
            if (File.Exists(path + "-wal"))
            {
                Fsync.Data(path + "-wal");
            }

            return new BufferDatabase(connection) { Path = path };
        }
        catch (SqliteException error) when (SqliteRuntime.IsInUse(error))
        {
            connection.Dispose();
            throw new BufferInUseException(path, InUseWait, error);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Oldest and newest pending seq and the oldest's time: two primary-key probes, no scan.</summary>
    public (long MaxSeq, long? OldestAtMs) ReadEnds()
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "SELECT (SELECT seq FROM events ORDER BY seq DESC LIMIT 1), (SELECT at FROM events ORDER BY seq LIMIT 1)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? 0 : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    public void Begin() => _transaction = _connection.BeginTransaction(deferred: false);

    /// <summary>
    /// Commits: visible to this connection, in the WAL, but on the medium only after
    /// <see cref="SyncWal"/>. Acknowledgements stop here (losing one means a re-send the server
    /// drops by id); the next synced commit takes them along, the WAL being one file written in order.
    /// </summary>
    public void Commit()
    {
        try
        {
            _transaction!.Commit();
        }
        finally
        {
            EndTransaction();
        }
    }

    /// <summary>
    /// Puts every commit so far on the medium (docs/mqtt.md#delivery): fdatasync of the WAL. Its directory entry
    /// needs nothing more: SQLite writes and syncs the header of a WAL it creates (synchronous=NORMAL
    /// syncs the header whenever a WAL starts), and its first sync of a new WAL also syncs the
    /// directory (strace of an open on a fresh directory: events.db-wal created, fsync of it, of the directory).
    /// </summary>
    public void SyncWal() => Fsync.Data(Path + "-wal");

    public void Rollback()
    {
        try
        {
            _transaction?.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite may already have rolled back on SQLITE_FULL/IOERR; nothing more to undo.
        }
        finally
        {
            EndTransaction();
        }
    }

    public void Insert(long seq, string type, bool evictable, long atMs, byte[] payload)
    {
        _insert.Bind(1, seq).Bind(2, type).Bind(3, evictable ? 1 : 0).Bind(4, atMs).Bind(5, payload).Execute();
    }

    /// <summary>Deletes one event; returns its size and class, or null when it was not there (already evicted).</summary>
    public (int Bytes, bool Evictable)? Delete(long seq)
    {
        Bind(_delete, seq);
        using var reader = _delete.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetInt64(1) == 1) : null;
    }

    /// <summary>Deletes the oldest evictable event; returns its size, or null when none is left.</summary>
    public int? EvictOldest()
    {
        Bind(_evictOldest);
        using var reader = _evictOldest.ExecuteReader();
        return reader.Read() ? reader.GetInt32(0) : null;
    }

    public List<StoredEvent> ReadPending(long afterSeq, int max)
    {
        Bind(_readPending, afterSeq, max);
        using var reader = _readPending.ExecuteReader();
        var events = new List<StoredEvent>(Math.Min(max, 256));
        while (reader.Read())
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), at, (byte[])reader.GetValue(3)));
        }

        return events;
    }

    public void Dispose()
    {
        EndTransaction();
        // Every statement goes before the connection: an unfinalized one would keep the file open.
        foreach (var command in new IDisposable[] { _insert, _delete, _evictOldest, _writeCounters, _readPending })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void EndTransaction()
    {
        _transaction?.Dispose();
        _transaction = null;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private void Bind(SqliteCommand command, params object[] values)
    {
        command.Transaction = _transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
