using Terminal.TestUtils.Processes;

namespace Terminal.PowerCut.Vm;

/// <summary>Host programs the harness needs to succeed: their output, or an error naming the command.</summary>
internal static class HostCommand
{
    public static string Run(string program, string[] args, TimeSpan timeout)
    {
        var (exit, stdout, stderr) = HostProcess.Run(program, args, timeout);
        return exit == 0 ? stdout : throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {exit}: {stderr.Trim()}");
    }

    /// <summary>A program from PATH or the sbin directories (mkfs.ext4 is in /usr/sbin, not always on a user's PATH).</summary>
    public static string Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException($"{name} not found (apt-get install e2fsprogs)");
}
