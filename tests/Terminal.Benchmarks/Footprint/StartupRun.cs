using System.Diagnostics;

namespace Terminal.Benchmarks.Footprint;

/// <summary>
/// Start → READY of a terminal build, on a fresh data directory each time: wall-clock seconds, and
/// the CPU seconds the process had used by then (under emulation the start runs on about one core,
/// so the two agree; a run whose CPU time falls well short of its wall clock was kept waiting by
/// something else on the machine).
/// </summary>
internal static class StartupRun
{
    public static Task<(double Seconds, double CpuSeconds)> SecondsAsync(string release, Uri broker, IReadOnlyDictionary<string, string> unit, bool emulated) =>
        UntilReadyAsync(release, broker, unit, emulated, _ => [], (process, elapsed, _) =>
            Task.FromResult((elapsed.TotalSeconds, ProcessFigures.CpuSeconds(process.Id))));

    /// <summary>
    /// How many methods the JIT compiled before READY (the runtime's own list, <c>DOTNET_JitStdOutFile</c>
    /// with <c>DOTNET_JitDisasmSummary=1</c>): what ReadyToRun left to the JIT, counted rather than timed,
    /// so it hardly moves with the machine's load (it varies by a few percent with what the threads
    /// racing to READY happen to compile first).
    /// </summary>
    public static Task<int> JitCompiledBeforeReadyAsync(string release, Uri broker, IReadOnlyDictionary<string, string> unit) =>
        UntilReadyAsync(
            release,
            broker,
            unit,
            emulated: true,
            scratch => [("DOTNET_JitStdOutFile", Path.Combine(scratch, "jit-compiled.txt")), ("DOTNET_JitDisasmSummary", "1")],
            (_, _, scratch) => CountJitCompiledAsync(Path.Combine(scratch, "jit-compiled.txt")));

    /// <summary>
    /// Starts the build with the unit's environment (and <paramref name="environment"/>, given the run's
    /// scratch directory) on a fresh data directory, and returns what <paramref name="atReady"/> reads
    /// when READY arrives (the process, the time since its start, the scratch directory).
    /// </summary>
    private static async Task<T> UntilReadyAsync<T>(
        string release,
        Uri broker,
        IReadOnlyDictionary<string, string> unit,
        bool emulated,
        Func<string, (string Name, string Value)[]> environment,
        Func<Process, TimeSpan, string, Task<T>> atReady)
    {
        using var ready = new ReadyListener();
        var scratch = Directory.CreateTempSubdirectory("footprint-start-").FullName;
        var data = Directory.CreateDirectory(Path.Combine(scratch, "terminal")).FullName;
        var started = Stopwatch.StartNew();
        using var process = Launch.Start(Path.Combine(release, "terminal"), Launch.Simulated(data, broker), UnitEnvironment.With(unit, [("NOTIFY_SOCKET", ready.Path), .. environment(scratch)]), emulated);
        try
        {
            await ready.WaitReadyAsync(TimeSpan.FromMinutes(5));
            return await atReady(process, started.Elapsed, scratch);
        }
        finally
        {
            Launch.Stop(process);
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<int> CountJitCompiledAsync(string list)
    {
        using var reader = new StreamReader(new FileStream(list, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var compiled = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            compiled += line.Contains("JIT compiled ", StringComparison.Ordinal) ? 1 : 0;
        }

        return compiled;
    }

    /// <summary>
    /// Start → READY of each build over <paramref name="runs"/> interleaved rounds, after one
    /// discarded round that warms the page cache for both.
    /// </summary>
    public static async Task<Dictionary<string, StartRuns>> CompareAsync(IReadOnlyDictionary<string, string> builds, Uri broker, IReadOnlyDictionary<string, string> unit, int runs)
    {
        var measured = builds.Keys.ToDictionary(k => k, _ => new StartRuns([], []));
        for (var round = 0; round <= runs; round++)
        {
            foreach (var (name, release) in builds)
            {
                var (seconds, cpu) = await SecondsAsync(release, broker, unit, emulated: true);
                Console.WriteLine($"  start {name}: {seconds:0.00} s, {cpu:0.00} s CPU{(round == 0 ? " (warm-up, discarded)" : "")}");
                if (round > 0)
                {
                    measured[name].Seconds.Add(Math.Round(seconds, 2));
                    measured[name].CpuSeconds.Add(Math.Round(cpu, 2));
                }
            }
        }

        return measured;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>Each round's start → READY of one build: wall-clock and CPU seconds.</summary>
internal sealed record StartRuns(List<double> Seconds, List<double> CpuSeconds);
