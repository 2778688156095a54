namespace Terminal.Hardware.Readers.Modules;

/// <summary>Polling and recovery of a <see cref="UidReader"/>.</summary>
public sealed record UidReaderOptions
{
    /// <summary>
    /// Time between polls. 100 ms sees a card held for 300 ms at least twice (SPEC §1: a swipe
    /// is a brief hold); one poll of an MFRC522 or PN532 takes a few milliseconds of bus time.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls in a row without the card before it counts as gone (and may swipe again).</summary>
    public int MissesBeforeGone { get; init; } = 3;

    /// <summary>First wait before re-initialising a module that stopped answering; doubled each failure.</summary>
    public TimeSpan RetryFirst { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between re-initialisations.</summary>
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The defaults.</summary>
    public static UidReaderOptions Default { get; } = new();
}
