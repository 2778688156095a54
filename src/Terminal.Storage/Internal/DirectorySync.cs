using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Terminal.Storage.Internal;

/// <summary>
/// fsync(2) on a directory, so a rename inside it survives a power cut (POSIX: a rename is durable
/// only once its directory is synced). .NET cannot open a directory as a file, hence libc.
/// </summary>
internal static partial class DirectorySync
{
    // O_RDONLY opens a directory too; O_DIRECTORY is left out because its value differs by architecture.
    private const int ORdOnly = 0;

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(directory, ORdOnly);
        if (fd < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"open({directory}) for fsync failed");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError(), $"fsync({directory}) failed");
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
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
