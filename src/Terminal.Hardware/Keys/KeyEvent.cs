namespace Terminal.Hardware.Keys;

/// <summary>One debounced key signal.</summary>
/// <param name="Key">Which key.</param>
/// <param name="Signal">Pressed, released, stuck or stuck cleared.</param>
/// <param name="TimestampNs">
/// Kernel timestamp (CLOCK_MONOTONIC ns) of the first edge of the bounce burst that led to this
/// signal, i.e. when the finger actually moved; for <see cref="KeySignal.Stuck"/>, press time plus
/// the stuck threshold.
/// </param>
/// <param name="HeldFor">For releases and stuck signals: how long the key was down.</param>
public sealed record KeyEvent(KeyId Key, KeySignal Signal, long TimestampNs, TimeSpan HeldFor);
