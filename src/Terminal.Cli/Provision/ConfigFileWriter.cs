namespace Terminal.Cli.Provision;

/// <summary>
/// Writes the device configuration so that only root and the service can read it (it names the
/// device key): mode 0640 from creation, group <c>terminal</c> when it exists, then an atomic
/// rename so the service never reads half a file.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class ConfigFileWriter
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    public static void Write(string path, string content, string group, ICollection<string> warnings)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, Mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute);
        }

        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Mode };
            using (var stream = new FileStream(temp, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(content);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.SetUnixFileMode(temp, Mode); // umask may have taken bits away; never adds any
            if (UnixOwnership.GroupId(group) is { } gid)
            {
                if (!UnixOwnership.TrySetGroup(temp, gid, out var error))
                {
                    warnings.Add($"could not give {path} to group '{group}' ({error}); the service may not read it: run as root");
                }
            }
            else
            {
                warnings.Add($"group '{group}' does not exist (package not installed?); {path} stays readable by its owner's group only");
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
