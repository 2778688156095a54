namespace Terminal.Hardware.Readers.Keyboard;

/// <summary>Timing of a <see cref="KeyboardReader"/>.</summary>
public sealed record KeyboardReaderOptions
{
    /// <summary>
    /// A line must end with Enter this long after its first key, or it is noise. Readers type a
    /// whole card in well under 100 ms; a person at a keyboard is slower than this.
    /// </summary>
    public TimeSpan EnterTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Noise is reported at once, then at most once per this interval (as for Wiegand).</summary>
    public TimeSpan NoiseReportInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before reopening a device that is gone (unplugged); doubled each failure.</summary>
    public TimeSpan RetryFirst { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between reopening attempts.</summary>
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The defaults.</summary>
    public static KeyboardReaderOptions Default { get; } = new();
}
