namespace Terminal.Hardware.Gpio.Simulated;

/// <summary>
/// Pulse timing of a simulated reader. The Wiegand convention allows 20–100 µs pulses and
/// 200 µs–20 ms between bits; common readers send 50 µs pulses every 2 ms (the default).
/// </summary>
/// <param name="PulseWidth">How long a line stays low per bit.</param>
/// <param name="BitPeriod">From one pulse start to the next.</param>
public sealed record WiegandTiming(TimeSpan PulseWidth, TimeSpan BitPeriod)
{
    /// <summary>50 µs pulses every 2 ms.</summary>
    public static WiegandTiming Default { get; } = new(TimeSpan.FromMicroseconds(50), TimeSpan.FromMilliseconds(2));

    /// <summary>How long a frame of <paramref name="bits"/> bits takes on the wire.</summary>
    public TimeSpan Duration(int bits) => bits == 0 ? TimeSpan.Zero : (BitPeriod * (bits - 1)) + PulseWidth;
}
