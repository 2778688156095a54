using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Terminal.Storage.Internal;

/// <summary>
/// A statement on the connection's own handle, bound by position: for the per-event INSERT and the
/// per-commit counters UPDATE of the append path, where <see cref="SqliteCommand"/> costs several
/// microseconds a call (a data reader, a name lookup and UTF-8 conversion per parameter).
/// </summary>
/// <remarks>
/// It runs on the same <c>sqlite3</c> handle, so inside the transaction the connection began,
/// with the same durability; errors become the same <see cref="SqliteException"/>s (disk full and
/// damage are classified as before). Must be disposed before the connection is closed.
/// </remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    public RawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_stmt, index, value));
        return this;
    }

    public RawStatement Bind(int index, string value)
    {
        Check(raw.sqlite3_bind_text(_stmt, index, value));
        return this;
    }

    public RawStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        // An empty span has no address and would bind NULL (payload is NOT NULL): bind X'' instead.
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(_stmt, index, 0) : raw.sqlite3_bind_blob(_stmt, index, value));
        return this;
    }

    /// <summary>Runs a statement that returns no rows, then resets it for the next call.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose() => _stmt.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
