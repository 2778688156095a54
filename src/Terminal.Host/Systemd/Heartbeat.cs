namespace Terminal.Host.Systemd;

/// <summary>One worker's registration in <see cref="WorkerHeartbeats"/>.</summary>
internal sealed class Heartbeat : IDisposable
{
    private readonly WorkerHeartbeats _owner;
    private long _lastBeat;

    internal Heartbeat(string worker, WorkerHeartbeats owner)
    {
        Worker = worker;
        _owner = owner;
        _lastBeat = owner.Time.GetTimestamp();
    }

    public string Worker { get; }

    internal long LastBeat => Interlocked.Read(ref _lastBeat);

    /// <summary>Call from the worker's loop, at least every <see cref="WorkerHeartbeats.BeatInterval"/>.</summary>
    public void Beat() => Interlocked.Exchange(ref _lastBeat, _owner.Time.GetTimestamp());

    /// <summary>The worker ended normally: it is no longer expected to beat.</summary>
    public void Dispose() => _owner.Remove(this);
}
