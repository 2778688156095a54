using System.Diagnostics;

namespace Terminal.PowerCut.Vm;

/// <summary>Runs a host program to completion with a deadline, killing its tree when it overruns.</summary>
internal static class HostCommand
{
    public static string Run(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} did not finish within {timeout.TotalMinutes:F0} min");
        }

        return process.ExitCode == 0
            ? stdout.Result
            : throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result.Trim()}");
    }

    /// <summary>A program from PATH or the sbin directories (mkfs.ext4 is in /usr/sbin, not always on a user's PATH).</summary>
    public static string Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException($"{name} not found (apt-get install e2fsprogs)");
}
