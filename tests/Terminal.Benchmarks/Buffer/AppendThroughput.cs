using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Storage;

namespace Terminal.Benchmarks.Buffer;

/// <summary>EventBuffer appends: one at a time (latency), and from concurrent producers (group commit).</summary>
internal static class AppendThroughput
{
    /// <summary>
    /// Single appends and raw baseline commits, strictly alternating, so both see the same machine
    /// conditions. (On the development VM a tight loop of fsyncs on one file was an order of
    /// magnitude slower than the same fsyncs alternating with another file's: blocks would
    /// compare the device's moods, not the code.)
    /// </summary>
    public static async Task<(LatencySummary Baseline, LatencySummary Single)> SingleAgainstBaselineAsync(string root, int samples, int warmup)
    {
        using var baseline = new RawCommitBaseline(Path.Combine(root, "baseline"));
        await using var buffer = await OpenAsync(Path.Combine(root, "single"));
        var raw = new List<double>(samples);
        var appends = new List<double>(samples);
        for (var i = 0; i < warmup + samples; i++)
        {
            var rawUs = baseline.Commit(1);
            var started = Stopwatch.GetTimestamp();
            await buffer.AppendAsync([BenchEvents.Rating()], CancellationToken.None);
            var appendUs = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            if (i >= warmup)
            {
                raw.Add(rawUs);
                appends.Add(appendUs);
            }
        }

        return (LatencySummary.From(raw), LatencySummary.From(appends));
    }

    /// <summary>
    /// Group commit against the single-commit rate, both as closed loops on one buffer: after a
    /// warm-up past a WAL cycle (and the JIT's tiers), rounds alternate one producer and
    /// <paramref name="producers"/>, so each pair sees the same machine and the same recycled WAL.
    /// </summary>
    public static async Task<IReadOnlyList<ThroughputRound>> RoundsAsync(string directory, int producers, int perProducer, int rounds)
    {
        await using var buffer = await OpenAsync(directory);
        await ClosedLoopAsync(buffer, 1, 1200);
        await ClosedLoopAsync(buffer, producers, 400);
        var results = new List<ThroughputRound>(rounds);
        for (var r = 0; r < rounds; r++)
        {
            var single = await ClosedLoopAsync(buffer, 1, perProducer);
            var concurrent = await ClosedLoopAsync(buffer, producers, perProducer);
            results.Add(new ThroughputRound(single, concurrent, Math.Round(concurrent.PerSecond / single.PerSecond, 2)));
        }

        return results;
    }

    /// <summary>
    /// What SQLite itself allows on this disk: raw commits of one row and of <paramref name="rows"/>
    /// rows, alternating in blocks on one warmed database; the median of the events/s ratios is the
    /// ceiling group commit could reach with that many producers (zero cost per request).
    /// </summary>
    public static double RawGroupCeiling(string directory, int rows, int commitsPerBlock, int rounds)
    {
        using var raw = new RawCommitBaseline(directory);
        for (var i = 0; i < 1200; i++)
        {
            raw.Commit(1);
        }

        var ratios = new List<double>(rounds);
        for (var r = 0; r < rounds; r++)
        {
            var single = Stopwatch.GetTimestamp();
            for (var i = 0; i < commitsPerBlock; i++)
            {
                raw.Commit(1);
            }

            var singleRate = commitsPerBlock / Stopwatch.GetElapsedTime(single).TotalSeconds;
            var groups = commitsPerBlock / rows;
            var grouped = Stopwatch.GetTimestamp();
            for (var i = 0; i < groups; i++)
            {
                raw.Commit(rows);
            }

            var groupedRate = groups * rows / Stopwatch.GetElapsedTime(grouped).TotalSeconds;
            ratios.Add(groupedRate / singleRate);
        }

        return Math.Round(ratios.Order().ElementAt(rounds / 2), 2);
    }

    /// <summary>Each producer appends one event at a time, awaiting each commit, like a key handler.</summary>
    public static async Task<ClosedLoop> ClosedLoopAsync(EventBuffer buffer, int producers, int perProducer)
    {
        var commitsBefore = buffer.Commits;
        var started = Stopwatch.GetTimestamp();
        var latencies = await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            var times = new List<double>(perProducer);
            for (var i = 0; i < perProducer; i++)
            {
                var t = Stopwatch.GetTimestamp();
                await buffer.AppendAsync([BenchEvents.Rating()], CancellationToken.None);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
            }

            return times;
        })));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var events = producers * perProducer;
        return new ClosedLoop(
            producers,
            Math.Round(events / elapsed, 1),
            Math.Round((double)events / (buffer.Commits - commitsBefore), 2),
            LatencySummary.From([.. latencies.SelectMany(t => t)]));
    }

    public static Task<EventBuffer> OpenAsync(string directory) =>
        EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = directory, MaxEvents = 2_000_000, MaxBytes = 2L << 30 }, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
}
