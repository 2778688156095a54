namespace Terminal.Core.Feedback;

/// <summary>What a group of key LEDs does during a cue.</summary>
public enum LedMode
{
    /// <summary>Left as the previous cue set them (transient cues over a steady one).</summary>
    Unchanged,

    /// <summary>Dark.</summary>
    Off,

    /// <summary>Lit.</summary>
    On,

    /// <summary>Blinking at 1 Hz, 50 % duty: an invitation.</summary>
    Blink,

    /// <summary>Blinking at 4 Hz, 50 % duty: something is wrong.</summary>
    FastBlink,
}
