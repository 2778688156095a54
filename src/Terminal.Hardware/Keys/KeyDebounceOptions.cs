namespace Terminal.Hardware.Keys;

/// <summary>Debounce settings.</summary>
public sealed record KeyDebounceOptions
{
    /// <summary>
    /// A level counts once it has been stable this long (default 20 ms). Contact bounce of
    /// tactile switches lasts a few ms; 20 ms is still well below what a person notices.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(20);
}
