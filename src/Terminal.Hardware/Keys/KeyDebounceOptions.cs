namespace Terminal.Hardware.Keys;

/// <summary>Debounce and stuck-key settings (the host maps <c>Terminal:Rating:StuckAfter</c> here).</summary>
public sealed record KeyDebounceOptions
{
    /// <summary>
    /// A level counts once it has been stable this long (default 20 ms). Contact bounce of
    /// tactile switches lasts a few ms; 20 ms is still well below what a person notices.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A key held longer than this is stuck (SPEC §3.1, default 10 s).</summary>
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromSeconds(10);
}
