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
            var rawUs = baseline.CommitOne();
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

    /// <summary>Each producer appends one event at a time, awaiting each commit, like a key handler.</summary>
    public static async Task<(double PerSecond, double PerCommit, LatencySummary Latency)> ConcurrentAsync(string directory, int producers, int perProducer)
    {
        await using var buffer = await OpenAsync(directory);
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
        var perCommit = Math.Round((double)producers * perProducer / buffer.Commits, 2);
        return (Math.Round(producers * perProducer / elapsed, 1), perCommit, LatencySummary.From([.. latencies.SelectMany(t => t)]));
    }

    public static Task<EventBuffer> OpenAsync(string directory) =>
        EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = directory, MaxEvents = 2_000_000, MaxBytes = 2L << 30 }, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
}
