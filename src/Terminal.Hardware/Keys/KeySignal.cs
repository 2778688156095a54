namespace Terminal.Hardware.Keys;

/// <summary>What a debounced key reports. Whether a key is stuck is the core's decision (it knows the <c>StuckAfter</c> in force).</summary>
public enum KeySignal
{
    /// <summary>The key went down (after contact bounce settled).</summary>
    Pressed,

    /// <summary>The key came up; every <see cref="Pressed"/> is followed by exactly one.</summary>
    Released,
}
