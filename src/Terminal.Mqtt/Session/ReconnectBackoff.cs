namespace Terminal.Mqtt.Session;

/// <summary>
/// Exponential backoff with full jitter: attempt n waits uniformly in [0, min(cap, base·2ⁿ)], so a
/// hall full of terminals does not reconnect in lock-step after a broker restart.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan baseDelay, TimeSpan cap, Random random)
{
    public int Attempt { get; private set; }

    public TimeSpan Next()
    {
        var ceiling = Ceiling(Attempt);
        Attempt = Math.Min(Attempt + 1, 30);
        return TimeSpan.FromTicks((long)(random.NextDouble() * ceiling.Ticks));
    }

    public void Reset() => Attempt = 0;

    /// <summary>The upper bound of the delay for attempt <paramref name="attempt"/>.</summary>
    public TimeSpan Ceiling(int attempt)
    {
        var ticks = baseDelay.Ticks * Math.Pow(2, attempt);
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }
}
