using Terminal.Core.Events;

namespace Terminal.Hardware.Readers;

/// <summary>What a staff card reader reports. Subtypes: a card, offline, restored, noise.</summary>
/// <param name="Reader">The reader's board name.</param>
public abstract record ReaderOutcome(string Reader);

/// <summary>A card was presented (held to a module, or typed by a keyboard reader): one per presentation.</summary>
/// <param name="Reader">The reader's board name.</param>
/// <param name="Card">The card.</param>
public sealed record CardPresented(string Reader, ReaderCard Card) : ReaderOutcome(Reader);

/// <summary>
/// The reader stopped answering (module silent on its bus, USB reader unplugged): fault
/// <c>reader-offline</c>. Reported once per outage; the reader keeps retrying with backoff.
/// </summary>
/// <param name="Reader">The reader's board name.</param>
/// <param name="Detail">What failed, naming the bus or device, for the fault's <c>detail</c>.</param>
public sealed record ReaderOffline(string Reader, string Detail) : ReaderOutcome(Reader)
{
    /// <summary>The fault code (SPEC §5.1 <c>fault</c>).</summary>
    public const string FaultCode = FaultCodes.ReaderOffline;
}

/// <summary>The reader answers again after <see cref="ReaderOffline"/>: fault <c>reader-restored</c> (clears it).</summary>
/// <param name="Reader">The reader's board name.</param>
/// <param name="Detail">What came back, for the fault's <c>detail</c>.</param>
public sealed record ReaderRestored(string Reader, string Detail) : ReaderOutcome(Reader)
{
    /// <summary>The fault code (SPEC §5.1 <c>fault</c>).</summary>
    public const string FaultCode = FaultCodes.ReaderRestored;
}

/// <summary>
/// Input that was not a card (letters, too many digits, no Enter in time): fault
/// <c>reader-noise</c>, aggregated like the Wiegand decoder's: at once the first time, then at most
/// once per report interval.
/// </summary>
/// <param name="Reader">The reader's board name.</param>
/// <param name="Rejected">Inputs rejected since the previous report.</param>
/// <param name="LastReason">Why the last one was rejected, e.g. <c>letter typed</c>.</param>
public sealed record ReaderNoise(string Reader, int Rejected, string LastReason) : ReaderOutcome(Reader)
{
    /// <summary>The fault code (SPEC §5.1 <c>fault</c>), shared with the Wiegand reader.</summary>
    public const string FaultCode = FaultCodes.ReaderNoise;
}
