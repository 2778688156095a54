using Terminal.Storage.Internal;

namespace Terminal.Storage;

/// <summary>
/// Small files that must survive a power cut whole: written to a temporary file, fsynced, renamed
/// over the old one, and the directory fsynced, so a reader sees the old content or the new, never
/// a torn one.
/// </summary>
public static class DurableFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> atomically and durably.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        Fsync.Directory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Removes <paramref name="path"/> durably (nothing happens when it does not exist).</summary>
    public static void Delete(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        File.Delete(path);
        Fsync.Directory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }
}
