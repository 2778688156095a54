using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Terminal.Benchmarks.Buffer;

/// <summary>
/// Opening cost against the backlog: a fresh process opens the buffer, reads the first page as the
/// publisher would, and reports open time and resident memory (VmRSS), so the figure is honest.
/// </summary>
internal static class BacklogProbe
{
    public sealed record Result(double OpenMs, long RssKb, long Pending);

    public static async Task PopulateAsync(string directory, long events)
    {
        await using var buffer = await AppendThroughput.OpenAsync(directory);
        var batch = Enumerable.Range(0, 1000).Select(_ => BenchEvents.Rating()).ToList();
        for (long n = 0; n < events; n += batch.Count)
        {
            await buffer.AppendAsync(batch, CancellationToken.None);
        }
    }

    /// <summary>Child mode: open, read a page, print one JSON line.</summary>
    public static async Task<int> RunChildAsync(string directory)
    {
        var started = Stopwatch.GetTimestamp();
        await using var buffer = await AppendThroughput.OpenAsync(directory);
        var openMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _ = await buffer.ReadPendingAsync(0, 100, CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(new Result(openMs, ResidentKb(), buffer.GetStats().Pending)));
        return 0;
    }

    /// <summary>Median over <paramref name="runs"/> fresh processes.</summary>
    public static Result MeasureInFreshProcesses(string directory, int runs)
    {
        var results = new List<Result>();
        for (var i = 0; i < runs; i++)
        {
            using var process = Process.Start(SelfProcess.StartInfo("--probe-open", directory))!;
            var line = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
            process.WaitForExit();
            results.Add(JsonSerializer.Deserialize<Result>(line)!);
        }

        return new Result(Median(results.Select(r => r.OpenMs)), (long)Median(results.Select(r => (double)r.RssKb)), results[0].Pending);
    }

    /// <summary>Warm re-open in this process: the open itself, without runtime start-up noise.</summary>
    public static async Task<double> MeasureWarmOpenMsAsync(string directory, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var buffer = await AppendThroughput.OpenAsync(directory);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Median(times);
    }

    private static long ResidentKb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[sorted.Count / 2], 2);
    }
}
