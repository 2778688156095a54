namespace Terminal.Hardware.Audio;

/// <summary>How one prompt's playback ended.</summary>
public enum VoicePlaybackOutcome
{
    /// <summary>Played to its end on the device.</summary>
    Played,

    /// <summary>Cut by a newer cue (or by the caller) after it started or before it could.</summary>
    Cut,

    /// <summary>The speaker failed (device missing, busy, write error) or the prompt has no usable file.</summary>
    Failed,

    /// <summary>Voice is off (<c>Voice:Enabled</c> false) or the board has no speaker.</summary>
    Unavailable,
}
