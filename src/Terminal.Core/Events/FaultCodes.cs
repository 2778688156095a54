namespace Terminal.Core.Events;

/// <summary>
/// The <c>code</c> of <c>fault</c> events and the status document's <c>faults</c> (SPEC §5.1, §5.3),
/// in one place. The buffer's own incidents (<c>storage-quarantined</c>, …) are named by
/// <c>Terminal.Storage.BufferIncident</c>.
/// </summary>
public static class FaultCodes
{
    /// <summary>A key held longer than <c>StuckAfter</c>; it is ignored until released.</summary>
    public const string KeyStuck = "key-stuck";

    /// <summary>A stuck key came up again.</summary>
    public const string KeyReleased = "key-released";

    /// <summary>The badge reader sent frames that decode to no card.</summary>
    public const string ReaderNoise = "reader-noise";

    /// <summary>The kernel dropped GPIO edges (its event buffer overflowed).</summary>
    public const string GpioOverflow = "gpio-overflow";

    /// <summary>The buffer is close to its capacity.</summary>
    public const string StorageNearFull = "storage-near-full";

    /// <summary>The buffer is full: presses and swipes are refused.</summary>
    public const string StorageFull = "storage-full";

    /// <summary>A staff card reader stopped answering (module silent on its bus, USB reader unplugged); active until it is restored.</summary>
    public const string ReaderOffline = "reader-offline";

    /// <summary>A reader that was offline answers again.</summary>
    public const string ReaderRestored = "reader-restored";

    /// <summary>The speaker fails (ALSA device missing, busy, write error); active until playback works again (SPEC §3.4).</summary>
    public const string Audio = "audio";

    /// <summary>The system clock is not NTP-synchronised: event times may be wrong (SPEC §3.3).</summary>
    public const string ClockUnsynced = "clock-unsynced";
}
