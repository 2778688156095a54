namespace Terminal.Benchmarks.Buffer;

/// <summary>One closed-loop run: how many producers, the events committed per second, and per commit.</summary>
internal sealed record ClosedLoop(int Producers, double PerSecond, double EventsPerCommit, LatencySummary Latency)
{
    public override string ToString() =>
        $"{Producers} producer{(Producers == 1 ? "" : "s")}: {PerSecond:F0} events/s, {EventsPerCommit} per commit, latency {Latency}";
}

/// <summary>A single producer and then the concurrent producers, back to back on the same buffer.</summary>
internal sealed record ThroughputRound(ClosedLoop Single, ClosedLoop Concurrent, double Ratio);
