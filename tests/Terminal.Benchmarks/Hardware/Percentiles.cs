namespace Terminal.Benchmarks.Hardware;

/// <summary>p50/p99/max of a set of samples (milliseconds).</summary>
internal sealed record Percentiles(double P50, double P99, double Max, int Samples)
{
    public static Percentiles From(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.99), sorted[^1], sorted.Length);
    }
}
