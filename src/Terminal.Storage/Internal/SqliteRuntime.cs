using Microsoft.Data.Sqlite;

namespace Terminal.Storage.Internal;

/// <summary>Loads the bundled native SQLite once per process, and classifies its errors.</summary>
internal static class SqliteRuntime
{
    private const int SqliteError = 1;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteNotADatabase = 26;
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    public static void EnsureInitialized() => _ = Initialized.Value;

    /// <summary>SQLITE_FULL, or ENOSPC/EDQUOT surfacing as an I/O error.</summary>
    public static bool IsDiskFull(Exception error) => error switch
    {
        SqliteException e => e.SqliteErrorCode == SqliteFull,
        IOException e => (e.HResult & 0xFFFF) is 28 or 122, // ENOSPC, EDQUOT
        _ => false,
    };

    /// <summary>Another connection holds the file (SQLITE_BUSY, SQLITE_LOCKED): nothing is wrong with it.</summary>
    public static bool IsInUse(Exception error) =>
        error is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    /// <summary>SQLite found damage while running (SQLITE_CORRUPT, SQLITE_NOTADB).</summary>
    public static bool IsCorrupt(Exception error) =>
        error is SqliteException { SqliteErrorCode: SqliteCorrupt or SqliteNotADatabase };

    /// <summary>The file is not a (readable) buffer database: quarantine it rather than fail forever.</summary>
    public static bool IsUnreadable(Exception error) => error switch
    {
        SqliteException e => e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase or SqliteError,
        InvalidDataException => true,
        _ => false,
    };
}
