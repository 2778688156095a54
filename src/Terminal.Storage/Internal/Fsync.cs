using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Terminal.Storage.Internal;

/// <summary>
/// fsync(2) and fdatasync(2) by path. A directory is synced so a rename inside it survives a power
/// cut (POSIX: a rename is durable only once its directory is synced); .NET cannot open a
/// directory as a file, hence libc. A file's data is synced without its times (see BufferDatabase).
/// </summary>
internal static partial class Fsync
{
    // O_RDONLY opens a directory too; O_DIRECTORY is left out because its value differs by architecture.
    private const int ORdOnly = 0;

    /// <summary>fsync of a directory: its entries (renames, creations, removals) reach the disk.</summary>
    public static void Directory(string directory) => Sync(directory, dataOnly: false);

    /// <summary>
    /// fdatasync of a file: its data, and its size when it changed, reach the disk; a change of its
    /// modification time alone does not make the file system commit its journal.
    /// </summary>
    public static void Data(string file) => Sync(file, dataOnly: true);

    private static void Sync(string path, bool dataOnly)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(path, ORdOnly);
        if (fd < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"open({path}) for fsync failed");
        }

        try
        {
            if ((dataOnly ? Fdatasync(fd) : FsyncFd(fd)) != 0)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError(), $"{(dataOnly ? "fdatasync" : "fsync")}({path}) failed");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncFd(int fd);

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int Fdatasync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
