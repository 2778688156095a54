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

    /// <summary>Medians over <paramref name="runs"/> fresh processes per directory, the two alternating.</summary>
    public static (Result Empty, Result Backlog) MeasureInFreshProcesses(string empty, string backlog, int runs)
    {
        var results = new List<Result>[] { [], [] };
        for (var i = 0; i < runs; i++)
        {
            for (var which = 0; which < 2; which++)
            {
                using var process = Process.Start(SelfProcess.StartInfo("--probe-open", which == 0 ? empty : backlog))!;
                var line = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
                process.WaitForExit();
                results[which].Add(JsonSerializer.Deserialize<Result>(line)!);
            }
        }

        return (Summarize(results[0]), Summarize(results[1]));
    }

    /// <summary>Warm re-opens in this process (the open alone, no runtime start-up), alternating; medians in ms.</summary>
    public static async Task<(double Empty, double Backlog)> MeasureWarmOpenMsAsync(string empty, string backlog, int runs)
    {
        var times = new List<double>[] { [], [] };
        for (var i = 0; i < runs; i++)
        {
            for (var which = 0; which < 2; which++)
            {
                var started = Stopwatch.GetTimestamp();
                await using var buffer = await AppendThroughput.OpenAsync(which == 0 ? empty : backlog);
                times[which].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return (Median(times[0]), Median(times[1]));
    }

    private static Result Summarize(List<Result> results) =>
        new(Median(results.Select(r => r.OpenMs)), (long)Median(results.Select(r => (double)r.RssKb)), results[0].Pending);

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
