using System.Globalization;

namespace Terminal.Benchmarks.Hardware;

/// <summary>
/// Suite <c>hardware</c>: how many edges per second the Wiegand decoder sustains (against the cost
/// of merely reading the same edges from the simulated chip), and the time from a frame's kernel
/// timestamps to the decoder's outcome on the simulated chip, and from an edge to the resulting
/// event committed through the host's pipeline (<see cref="CommitLatency"/>).
/// </summary>
internal sealed class HardwareSuite : IBenchmarkSuite
{
    public string Name => "hardware";

    public async Task<int> RunAsync(string[] args)
    {
        var frames = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var latencySamples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;

        var throughput = await EdgeThroughput.RunAsync(frames);
        Console.WriteLine($"decoder alone:          {throughput.DecoderEdgesPerSecond,14:N0} edges/s");
        Console.WriteLine($"chip read (baseline):   {throughput.ReadEdgesPerSecond,14:N0} edges/s");
        Console.WriteLine($"chip read + decode:     {throughput.ReadAndDecodeEdgesPerSecond,14:N0} edges/s");

        var latency = await DecodeLatency.RunAsync(latencySamples);
        Console.WriteLine($"last edge -> card (ms): p50 {latency.FromLastEdge.P50:F2}  p99 {latency.FromLastEdge.P99:F2}  max {latency.FromLastEdge.Max:F2}  (includes the {latency.SilenceMs} ms end-of-frame silence)");
        Console.WriteLine($"first edge -> card (ms): p50 {latency.FromFirstEdge.P50:F2}  p99 {latency.FromFirstEdge.P99:F2}  max {latency.FromFirstEdge.Max:F2}");
        Console.WriteLine($"key edge -> press (ms): p50 {latency.KeyPress.P50:F2}  p99 {latency.KeyPress.P99:F2}  max {latency.KeyPress.Max:F2}  (includes the {latency.SettleMs} ms settle)");

        var commit = await CommitLatency.RunAsync(latencySamples);
        Console.WriteLine($"key edge -> committed (ms): p50 {commit.KeyEdgeToCommit.P50:F2}  p99 {commit.KeyEdgeToCommit.P99:F2}  max {commit.KeyEdgeToCommit.Max:F2}  (host pipeline, real buffer)");
        Console.WriteLine($"last badge edge -> committed (ms): p50 {commit.LastBadgeEdgeToCommit.P50:F2}  p99 {commit.LastBadgeEdgeToCommit.P99:F2}  max {commit.LastBadgeEdgeToCommit.Max:F2}");

        BenchResults.Write(Name, new
        {
            suite = Name,
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.VersionString, runtime = Environment.Version.ToString() },
            wiegandThroughput = throughput,
            latency,
            commit,
            notes = "latency: to the decoder's/debouncer's output; commit: through the host's pipeline to the fsynced buffer commit. "
                + "Both are dominated by the end-of-frame silence (Wiegand) and the settle time (keys), by design.",
        });
        return 0;
    }
}
