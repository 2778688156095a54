namespace Terminal.Core.Feedback;

/// <summary>What the person at the window should see and hear; the host maps cues to LED/buzzer patterns.</summary>
public enum CueKind
{
    /// <summary>A session is open: rating keys prompt.</summary>
    Prompting,

    /// <summary>A rating was committed: the pressed key lit, thank-you tone.</summary>
    Thanks,

    /// <summary>A bad rating: asking for a reason.</summary>
    ReasonPrompt,

    /// <summary>Back to idle: everything off.</summary>
    Idle,

    /// <summary>A staff card signed in.</summary>
    SignedIn,

    /// <summary>A staff card signed out.</summary>
    SignedOut,

    /// <summary>A card not in the roster.</summary>
    UnknownCard,

    /// <summary>The buffer is full: presses are refused.</summary>
    StorageFull,

    /// <summary>The signed-in staff paused (暂离).</summary>
    Paused,

    /// <summary>The signed-in staff is back from a pause.</summary>
    Resumed,
}

/// <summary>A feedback cue, optionally about one key.</summary>
/// <param name="Kind">What to show.</param>
/// <param name="Key">The key concerned (e.g. the one pressed), or null.</param>
public sealed record Cue(CueKind Kind, string? Key = null);
