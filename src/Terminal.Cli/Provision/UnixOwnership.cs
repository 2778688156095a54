using System.Globalization;
using System.Runtime.InteropServices;

namespace Terminal.Cli.Provision;

/// <summary>Group ownership of the config file: .NET has no chown, so libc's (chown(2)).</summary>
internal static class UnixOwnership
{
    /// <summary>The gid of <paramref name="group"/> from /etc/group, or null when there is no such group.</summary>
    public static int? GroupId(string group, string groupFile = "/etc/group")
    {
        if (!File.Exists(groupFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(groupFile))
        {
            var fields = line.Split(':');
            if (fields.Length >= 3 && fields[0] == group
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                return gid;
            }
        }

        return null;
    }

    /// <summary>Sets the group (owner unchanged); false with errno's meaning when not permitted.</summary>
    public static bool TrySetGroup(string path, int gid, out string? error)
    {
        if (Chown(path, -1, gid) == 0)
        {
            error = null;
            return true;
        }

        error = Marshal.GetLastPInvokeErrorMessage();
        return false;
    }

    // DllImport, not LibraryImport: the source-generated form needs AllowUnsafeBlocks in the project.
    [DllImport("libc", EntryPoint = "chown", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Chown(string path, int owner, int group);
}
