using System.Globalization;

namespace Terminal.Benchmarks.Buffer;

/// <summary>
/// Suite <c>buffer</c> (issue 3): durable append latency against a raw SQLite commit on the same
/// filesystem, group-commit throughput, open cost with a large backlog, and the long crash run.
/// </summary>
/// <remarks>
/// <c>buffer [--dir D] [--samples N] [--backlog N] [--crash-rounds N]</c>; with <c>--crash-rounds</c>
/// only the crash run is done (figures in bench-results/buffer-crash.json).
/// </remarks>
public sealed class BufferSuite : IBenchmarkSuite
{
    private const int Producers = 8;
    private const int ThroughputRounds = 25;

    /// <inheritdoc />
    public string Name => "buffer";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        // Child modes: this program started again by the suite itself.
        if (args is ["--probe-open", var probeDir])
        {
            return await BacklogProbe.RunChildAsync(probeDir);
        }

        if (args is ["--crash-child", var crashDir, var round])
        {
            return await CrashRounds.RunChildAsync(crashDir, round);
        }

        var root = Path.Combine(Option(args, "--dir") ?? Path.GetTempPath(), "terminal-bench-buffer-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        try
        {
            if (Option(args, "--crash-rounds") is { } rounds)
            {
                return RunCrash(root, int.Parse(rounds, CultureInfo.InvariantCulture));
            }

            return await RunFiguresAsync(root, Number(args, "--samples", 2000), Number(args, "--backlog", 1_000_000));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> RunFiguresAsync(string root, int samples, int backlog)
    {
        Console.WriteLine($"buffer suite in {root} ({samples} samples, backlog {backlog:N0}, load average {LoadAverage()})");
        // Warm up past one full WAL cycle (1000 frames) for both: appending to a growing WAL costs
        // a metadata commit per fsync, overwriting a recycled one does not; compare steady states.
        var warmup = Math.Max(1200, samples / 20);

        var (baseline, single) = await AppendThroughput.SingleAgainstBaselineAsync(root, samples, warmup);
        Console.WriteLine($"raw INSERT+COMMIT (WAL, FULL): {baseline}");
        Console.WriteLine($"EventBuffer single append:     {single}");
        var p99Ratio = Math.Round(single.P99Us / baseline.P99Us, 2);
        Console.WriteLine($"  p99 ratio {p99Ratio} (target <= 1.5)");

        var rounds = await AppendThroughput.RoundsAsync(Path.Combine(root, "concurrent"), Producers, samples / 4, ThroughputRounds);
        foreach (var round in rounds)
        {
            Console.WriteLine($"{round.Single}\n{round.Concurrent}\n  ratio {round.Ratio}");
        }

        var ratios = rounds.Select(r => r.Ratio).Order().ToList();
        var rateRatio = ratios[ratios.Count / 2];
        var concurrentRate = rounds.Select(r => r.Concurrent.PerSecond).Order().ElementAt(rounds.Count / 2);
        Console.WriteLine($"  {Producers} producers: median {rateRatio}x the single-commit rate over {rounds.Count} rounds (min {ratios[0]}, max {ratios[^1]}; target >= 5)");
        var ceiling = AppendThroughput.RawGroupCeiling(Path.Combine(root, "ceiling"), Producers, 400, ThroughputRounds);
        Console.WriteLine($"  ceiling on this disk (raw {Producers}-row vs 1-row commits, median of {ThroughputRounds}): {ceiling}x; the buffer reaches {Math.Round(100 * rateRatio / ceiling)} % of it");
        Console.WriteLine($"  median {concurrentRate:F0} events/s = {Math.Round(concurrentRate / single.PerSecond, 2)}x the interleaved single appends above, {Math.Round(concurrentRate / baseline.PerSecond, 2)}x the raw commit rate");

        var empty = Path.Combine(root, "empty");
        var full = Path.Combine(root, "backlog");
        await BacklogProbe.PopulateAsync(empty, 0);
        var populate = System.Diagnostics.Stopwatch.StartNew();
        await BacklogProbe.PopulateAsync(full, backlog);
        Console.WriteLine($"populated {backlog:N0} pending events in {populate.Elapsed.TotalSeconds:F1} s ({DirectoryBytes(full) / (1024 * 1024)} MiB on disk)");

        var (emptyProbe, fullProbe) = BacklogProbe.MeasureInFreshProcesses(empty, full, 7);
        var (emptyWarm, fullWarm) = await BacklogProbe.MeasureWarmOpenMsAsync(empty, full, 21);
        var openRatio = Math.Round(fullProbe.OpenMs / emptyProbe.OpenMs, 2);
        var warmRatio = Math.Round(fullWarm / emptyWarm, 2);
        var rssRatio = Math.Round((double)fullProbe.RssKb / emptyProbe.RssKb, 2);
        Console.WriteLine($"open, fresh process (median of 7): empty {emptyProbe.OpenMs} ms, {fullProbe.Pending:N0} pending {fullProbe.OpenMs} ms: ratio {openRatio} (target <= 1.2)");
        Console.WriteLine($"open, warm re-open (median of 21): empty {emptyWarm} ms, backlog {fullWarm} ms: ratio {warmRatio}");
        Console.WriteLine($"VmRSS after open + first page: empty {emptyProbe.RssKb} kB, backlog {fullProbe.RssKb} kB: ratio {rssRatio} (target <= 1.2)");

        BenchResults.Write("buffer", new
        {
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), filesystem = root, loadAverage = LoadAverage() },
            samples,
            rawCommitBaseline = baseline,
            singleAppend = single,
            singleP99VsBaseline = p99Ratio,
            concurrent = new
            {
                producers = Producers,
                medianEventsPerSecond = concurrentRate,
                medianVsSingleCommitRate = rateRatio,
                vsInterleavedSingleAppend = Math.Round(concurrentRate / single.PerSecond, 2),
                vsRawCommitRate = Math.Round(concurrentRate / baseline.PerSecond, 2),
                rawGroupCeiling = ceiling,
                rounds,
            },
            backlog = new
            {
                pending = fullProbe.Pending,
                freshProcess = new { emptyOpenMs = emptyProbe.OpenMs, backlogOpenMs = fullProbe.OpenMs, openRatio, emptyRssKb = emptyProbe.RssKb, backlogRssKb = fullProbe.RssKb, rssRatio },
                warmReopen = new { emptyOpenMs = emptyWarm, backlogOpenMs = fullWarm, openRatio = warmRatio },
            },
            targets = new { p99 = p99Ratio <= 1.5, concurrency = rateRatio >= 5, open = openRatio <= 1.2, rss = rssRatio <= 1.2 },
        });
        return 0;
    }

    private static int RunCrash(string root, int rounds)
    {
        var seed = Environment.TickCount;
        Console.WriteLine($"crash run: {rounds} rounds, seed {seed}");
        var result = CrashRounds.Run(root, rounds, seed);
        Console.WriteLine($"crash run: {result.Reported} seqs reported over {result.Rounds} rounds; lost {result.Lost}, reused {result.Reused}, integrity failures {result.IntegrityFailures}");
        BenchResults.Write("buffer-crash", result);
        return result.Lost == 0 && result.Reused == 0 && result.IntegrityFailures == 0 ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Number(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    // Figures on a shared machine mean little without the load they were taken under.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static long DirectoryBytes(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles().Sum(f => f.Length);
}
