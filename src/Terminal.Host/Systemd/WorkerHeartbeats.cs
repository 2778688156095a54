using System.Collections.Concurrent;

namespace Terminal.Host.Systemd;

/// <summary>
/// Liveness of the long-running workers: each registers once and beats from inside its loop;
/// the watchdog feeds systemd only while every registered worker has beaten recently, so a hung
/// worker (not just a dead process) gets the service restarted.
/// </summary>
internal sealed class WorkerHeartbeats(TimeProvider time)
{
    private readonly ConcurrentDictionary<Heartbeat, byte> _workers = new();

    public TimeProvider Time { get; } = time;

    /// <summary>
    /// How often a worker should beat: a quarter of the watchdog timeout leaves a full pet
    /// interval of margin (pets go out at half the timeout). Set by the watchdog from
    /// <c>WATCHDOG_USEC</c>; 5 s when there is no watchdog.
    /// </summary>
    public TimeSpan BeatInterval { get; internal set; } = TimeSpan.FromSeconds(5);

    /// <summary>Registers a worker (counts as its first beat); dispose the handle when the worker ends normally.</summary>
    public Heartbeat Register(string worker)
    {
        ArgumentException.ThrowIfNullOrEmpty(worker);
        var heartbeat = new Heartbeat(worker, this);
        _workers.TryAdd(heartbeat, 0);
        return heartbeat;
    }

    /// <summary>Names of workers whose last beat is older than <paramref name="maxSilence"/>, sorted.</summary>
    public IReadOnlyList<string> SilentLongerThan(TimeSpan maxSilence)
    {
        var now = Time.GetTimestamp();
        return [.. _workers.Keys
            .Where(w => Time.GetElapsedTime(w.LastBeat, now) > maxSilence)
            .Select(w => w.Worker)
            .Order(StringComparer.Ordinal)];
    }

    internal void Remove(Heartbeat heartbeat) => _workers.TryRemove(heartbeat, out _);
}
