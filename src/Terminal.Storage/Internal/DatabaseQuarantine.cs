using System.Globalization;

namespace Terminal.Storage.Internal;

/// <summary>
/// Moves an unreadable database and its WAL/SHM aside under a timestamped name: never deleted, so
/// a person can still recover what is in it (issue 3).
/// </summary>
internal static class DatabaseQuarantine
{
    /// <summary>Renames <paramref name="databasePath"/> (+ -wal, -shm) and returns the new database name.</summary>
    public static string MoveAside(string databasePath, DateTimeOffset now)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{databasePath}.corrupt-{stamp}";
        for (var n = 1; File.Exists(target) || File.Exists(target + "-wal"); n++)
        {
            target = $"{databasePath}.corrupt-{stamp}-{n}";
        }

        foreach (var suffix in new[] { "-wal", "-shm", "" })
        {
            if (File.Exists(databasePath + suffix))
            {
                File.Move(databasePath + suffix, target + suffix);
            }
        }

        Fsync.Directory(Path.GetDirectoryName(databasePath)!);
        return target;
    }
}
