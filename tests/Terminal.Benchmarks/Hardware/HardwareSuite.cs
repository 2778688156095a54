using System.Globalization;

namespace Terminal.Benchmarks.Hardware;

/// <summary>
/// Suite <c>hardware</c>: how many edges per second the Wiegand decoder sustains (against the cost
/// of merely reading the same edges from the simulated chip), and the time from a frame's kernel
/// timestamps to the decoder's outcome on the simulated chip. The host's commit of the resulting
/// event is not part of this suite (it needs the host); this measures up to the decoder's output.
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

        BenchResults.Write(Name, new
        {
            suite = Name,
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.VersionString, runtime = Environment.Version.ToString() },
            wiegandThroughput = throughput,
            latency,
            notes = "Latency is measured to the decoder's/debouncer's output, not to the buffer commit (that needs the host). "
                + "It is dominated by the end-of-frame silence (Wiegand) and the settle time (keys), both by design.",
        });
        return 0;
    }
}
