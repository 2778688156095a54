namespace Terminal.Hardware.Keys;

/// <summary>One debounced key signal.</summary>
/// <param name="Key">Which key.</param>
/// <param name="Signal">Pressed or released.</param>
/// <param name="TimestampNs">
/// Kernel timestamp (CLOCK_MONOTONIC ns) of the first edge of the bounce burst that led to this
/// signal, i.e. when the finger actually moved.
/// </param>
/// <param name="HeldFor">For releases: how long the key was down.</param>
public sealed record KeyEvent(KeyId Key, KeySignal Signal, long TimestampNs, TimeSpan HeldFor);
