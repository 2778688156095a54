namespace Terminal.Core.Screen;

/// <summary>What became of a <see cref="ScreenTap"/>.</summary>
public enum TapVerdict
{
    /// <summary>It rated the session, or gave the held bad rating its reason.</summary>
    Counted,

    /// <summary>A press after the rating (docs/mqtt.md#rating): recorded with <c>misuse: "repeat"</c>.</summary>
    Repeat,

    /// <summary>The screen showed a session that is no longer the one to rate: nothing changed.</summary>
    Stale,

    /// <summary>A level that is not on the scale or has no button on this board: nothing changed.</summary>
    UnknownLevel,

    /// <summary>A reason code that docs/mqtt.md#rating does not list: nothing changed.</summary>
    UnknownReason,

    /// <summary>The buffer is full (docs/mqtt.md#delivery): refused like a key press, nothing recorded.</summary>
    StorageFull,
}

/// <summary>Wire names of <see cref="TapVerdict"/>, for the front panel page.</summary>
public static class TapVerdicts
{
    /// <summary>e.g. <c>counted</c>, <c>unknown-level</c>.</summary>
    public static string WireName(this TapVerdict verdict) => verdict switch
    {
        TapVerdict.Counted => "counted",
        TapVerdict.Repeat => "repeat",
        TapVerdict.Stale => "stale",
        TapVerdict.UnknownLevel => "unknown-level",
        TapVerdict.UnknownReason => "unknown-reason",
        TapVerdict.StorageFull => "storage-full",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown verdict"),
    };

    /// <summary>Whether the tap was taken (counted, or recorded as a repeat).</summary>
    public static bool IsTaken(this TapVerdict verdict) => verdict is TapVerdict.Counted or TapVerdict.Repeat;
}
