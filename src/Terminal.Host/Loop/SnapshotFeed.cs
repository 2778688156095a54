namespace Terminal.Host.Loop;

/// <summary>
/// The latest <see cref="LoopSnapshot"/> and a notification per new one. The loop is the only
/// writer; readers on any thread take <see cref="Current"/> or subscribe to <see cref="Published"/>
/// (raised on the loop: keep handlers short, never call back into the loop and wait).
/// </summary>
internal sealed class SnapshotFeed(LoopSnapshot initial)
{
    private LoopSnapshot _current = initial;

    /// <summary>Raised on the loop after each input, with its snapshot.</summary>
    public event Action<LoopSnapshot>? Published;

    /// <summary>The latest snapshot.</summary>
    public LoopSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Makes <paramref name="snapshot"/> current and tells subscribers (the loop only).</summary>
    public void Publish(LoopSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        Published?.Invoke(snapshot);
    }
}
