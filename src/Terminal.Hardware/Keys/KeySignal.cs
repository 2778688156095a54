namespace Terminal.Hardware.Keys;

/// <summary>What a debounced key reports.</summary>
public enum KeySignal
{
    /// <summary>The key went down (after contact bounce settled).</summary>
    Pressed,

    /// <summary>The key came up; every <see cref="Pressed"/> is followed by exactly one.</summary>
    Released,

    /// <summary>Held longer than <see cref="KeyDebounceOptions.StuckAfter"/>: fault <c>key-stuck</c> (SPEC §3.1); the key should be ignored until released.</summary>
    Stuck,

    /// <summary>A stuck key was released: fault cleared (<c>key-released</c>); sent just before its <see cref="Released"/>.</summary>
    StuckCleared,
}
