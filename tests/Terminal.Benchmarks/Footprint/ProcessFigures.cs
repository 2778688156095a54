using System.Globalization;

namespace Terminal.Benchmarks.Footprint;

/// <summary>What /proc says about a process: resident memory and CPU time, per thread too.</summary>
internal static class ProcessFigures
{
    /// <summary>Clock ticks per second of /proc/*/stat (USER_HZ; 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>VmRSS in MB.</summary>
    public static double ResidentMegabytes(int pid) => StatusMegabytes(pid)["VmRSS"];

    /// <summary>What the resident memory is, in MB: anonymous (heaps), file-backed (mapped programs and libraries), shared (the JIT's double-mapped code).</summary>
    public static Dictionary<string, double> ResidentParts(int pid)
    {
        var status = StatusMegabytes(pid);
        return new[] { "Anon", "File", "Shmem" }.ToDictionary(part => part.ToLowerInvariant(), part => Math.Round(status["Rss" + part], 1));
    }

    /// <summary>User + system CPU seconds of the whole process.</summary>
    public static double CpuSeconds(int pid) => Ticks(File.ReadAllText($"/proc/{pid}/stat")) / TicksPerSecond;

    /// <summary>CPU seconds per thread, keyed "name (tid)".</summary>
    public static Dictionary<string, double> ThreadCpuSeconds(int pid)
    {
        var threads = new Dictionary<string, double>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                threads[$"{name} ({Path.GetFileName(task)})"] = Ticks(stat) / TicksPerSecond;
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return threads;
    }

    /// <summary>utime + stime: fields 14 and 15, counted after the parenthesised name.</summary>
    private static long Ticks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The kB lines of /proc/PID/status ("VmRSS:\t  79860 kB"), in MB by name.</summary>
    private static Dictionary<string, double> StatusMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status")
            .Where(l => l.EndsWith(" kB", StringComparison.Ordinal))
            .Select(l => l.Split([' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture) / 1024.0);
}
