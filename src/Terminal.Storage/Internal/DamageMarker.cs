namespace Terminal.Storage.Internal;

/// <summary>
/// <c>events.db.damaged</c>: left when SQLite reports damage while running (pages it reads only
/// then), so the next start quarantines the file instead of failing on it again and again.
/// </summary>
internal sealed class DamageMarker(string databasePath)
{
    public string Path { get; } = databasePath + ".damaged";

    public bool Exists => File.Exists(Path);

    public string Reason => File.Exists(Path) ? File.ReadAllText(Path).Trim() : "";

    /// <summary>Best effort: a marker that cannot be written leaves the error as it was.</summary>
    public void Set(Exception error)
    {
        try
        {
            File.WriteAllText(Path, error.Message + "\n");
            Fsync.Directory(System.IO.Path.GetDirectoryName(Path)!);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Clear() => File.Delete(Path);
}
