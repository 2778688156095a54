using System.Diagnostics;

namespace Terminal.Benchmarks.Footprint;

/// <summary>Start → READY of a terminal build, on a fresh data directory each time.</summary>
internal static class StartupRun
{
    public static async Task<double> SecondsAsync(string release, Uri broker, IReadOnlyDictionary<string, string> unit, bool emulated)
    {
        using var ready = new ReadyListener();
        var data = Directory.CreateTempSubdirectory("footprint-start-").FullName;
        var started = Stopwatch.StartNew();
        using var process = Launch.Start(Path.Combine(release, "terminal"), Launch.Simulated(data, broker), UnitEnvironment.With(unit, ("NOTIFY_SOCKET", ready.Path)), emulated);
        try
        {
            await ready.WaitReadyAsync(TimeSpan.FromMinutes(5));
            return started.Elapsed.TotalSeconds;
        }
        finally
        {
            Launch.Stop(process);
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// Median start → READY of each build over <paramref name="runs"/> interleaved rounds, after one
    /// discarded round that warms the page cache for both.
    /// </summary>
    public static async Task<Dictionary<string, List<double>>> CompareAsync(IReadOnlyDictionary<string, string> builds, Uri broker, IReadOnlyDictionary<string, string> unit, int runs)
    {
        var seconds = builds.Keys.ToDictionary(k => k, _ => new List<double>());
        for (var round = 0; round <= runs; round++)
        {
            foreach (var (name, release) in builds)
            {
                var s = await SecondsAsync(release, broker, unit, emulated: true);
                Console.WriteLine($"  start {name}: {s:0.00} s{(round == 0 ? " (warm-up, discarded)" : "")}");
                if (round > 0)
                {
                    seconds[name].Add(s);
                }
            }
        }

        return seconds;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
