namespace Terminal.Hardware.Wiegand;

/// <summary>Timing and format settings of a <see cref="WiegandDecoder"/>.</summary>
public sealed record WiegandDecoderOptions
{
    /// <summary>
    /// Quiet time that ends a frame (default 25 ms). Readers leave at most ~20 ms between bits,
    /// so anything longer is the end of the frame.
    /// </summary>
    public TimeSpan Silence { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Pulses shorter than this are electrical glitches and ignored (default 4 µs; readers send 20–100 µs).</summary>
    public TimeSpan MinPulseWidth { get; init; } = TimeSpan.FromMicroseconds(4);

    /// <summary>A pulse longer than this makes the frame noise (a line held low; default 2 ms).</summary>
    public TimeSpan MaxPulseWidth { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Readers clock bits at a fixed period. A frame whose longest bit-to-bit interval exceeds
    /// the shortest by more than this factor (plus <see cref="PeriodJitter"/>) lost or gained a
    /// pulse and is noise. Default 1.5; 0 turns the check off.
    /// </summary>
    public double MaxPeriodRatio { get; init; } = 1.5;

    /// <summary>Timestamp jitter allowed on top of <see cref="MaxPeriodRatio"/> (default 50 µs).</summary>
    public TimeSpan PeriodJitter { get; init; } = TimeSpan.FromMicroseconds(50);

    /// <summary>Card formats accepted (default: all of <see cref="WiegandFormats.All"/>); others are noise.</summary>
    public IReadOnlyList<WiegandFormat> Formats { get; init; } = WiegandFormats.All;

    /// <summary>Whether 4- and 8-bit keypad bursts are reported (default true); otherwise they are noise.</summary>
    public bool AcceptKeypad { get; init; } = true;

    /// <summary>Noise and overflow are reported at most once per this interval, with a count (default 10 s).</summary>
    public TimeSpan NoiseReportInterval { get; init; } = TimeSpan.FromSeconds(10);
}
