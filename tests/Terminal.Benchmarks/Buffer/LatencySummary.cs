namespace Terminal.Benchmarks.Buffer;

/// <summary>Percentiles of a latency sample, in microseconds.</summary>
internal sealed record LatencySummary(int Samples, double P50Us, double P99Us, double MeanUs, double PerSecond)
{
    public static LatencySummary From(List<double> microseconds)
    {
        var sorted = microseconds.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var mean = sorted.Average();
        return new LatencySummary(sorted.Count, Math.Round(At(0.50), 1), Math.Round(At(0.99), 1), Math.Round(mean, 1), Math.Round(1_000_000 / mean, 1));
    }

    public override string ToString() => $"p50 {P50Us:F0} µs, p99 {P99Us:F0} µs, mean {MeanUs:F0} µs ({PerSecond:F0}/s, n={Samples})";
}
