namespace Terminal.Hardware.Gpio.Simulated;

/// <summary>One low pulse a Wiegand reader puts on D0 (a 0 bit) or D1 (a 1 bit).</summary>
/// <param name="Line">0 for D0, 1 for D1.</param>
/// <param name="StartNs">When the line goes low (CLOCK_MONOTONIC ns).</param>
/// <param name="WidthNs">How long it stays low.</param>
public readonly record struct WiegandPulse(int Line, long StartNs, long WidthNs)
{
    /// <summary>When the line goes high again.</summary>
    public long EndNs => StartNs + WidthNs;
}
