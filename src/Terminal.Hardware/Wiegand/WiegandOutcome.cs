namespace Terminal.Hardware.Wiegand;

/// <summary>What the decoder made of the reader's lines. Subtypes: card, keypad key, noise, overflow.</summary>
public abstract record WiegandOutcome;

/// <summary>A frame of an accepted format with correct length and parity.</summary>
/// <param name="Card">The decoded card (log it with <see cref="WiegandCard.Masked"/>).</param>
/// <param name="Frame">The raw bits.</param>
/// <param name="FirstEdgeNs">Kernel timestamp of the frame's first pulse.</param>
/// <param name="LastEdgeNs">Kernel timestamp of the frame's last edge; the frame ended a silence after it.</param>
public sealed record WiegandCardRead(WiegandCard Card, WiegandFrame Frame, long FirstEdgeNs, long LastEdgeNs) : WiegandOutcome;

/// <summary>A keypad burst (4 or 8 bits).</summary>
/// <param name="Key">Digit, <c>*</c> or <c>#</c>.</param>
/// <param name="LastEdgeNs">Kernel timestamp of the burst's last edge.</param>
public sealed record WiegandKeypadKey(char Key, long LastEdgeNs) : WiegandOutcome;

/// <summary>
/// Transmissions that were not a valid frame (fault <c>reader-noise</c>). Aggregated: reported at
/// once the first time, then at most once per <see cref="WiegandDecoderOptions.NoiseReportInterval"/>.
/// </summary>
/// <param name="Frames">Invalid transmissions since the previous report.</param>
/// <param name="LastReason">Why the last one was rejected, e.g. <c>parity</c>, <c>27 bits</c>, <c>both lines low</c>.</param>
public sealed record WiegandNoise(int Frames, string LastReason) : WiegandOutcome;

/// <summary>
/// The kernel's edge buffer overflowed (a gap in the line sequence numbers; fault
/// <c>gpio-overflow</c>); the frame in progress was discarded. Aggregated like <see cref="WiegandNoise"/>.
/// </summary>
/// <param name="Occurrences">Overflows seen since the previous report.</param>
/// <param name="LostEdges">Edges lost in them (from the sequence-number gaps).</param>
public sealed record WiegandOverflow(int Occurrences, long LostEdges) : WiegandOutcome;
