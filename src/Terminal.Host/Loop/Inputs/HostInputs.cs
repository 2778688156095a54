using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Storage;

namespace Terminal.Host.Loop.Inputs;

/// <summary>A command from the broker (SPEC §5.4), decided like any input; the reply follows the commit.</summary>
/// <param name="Name">The command name (last topic level), e.g. <c>session.open</c>.</param>
/// <param name="Payload">The payload as received.</param>
internal sealed record CommandReceived(string Name, ReadOnlyMemory<byte> Payload) : TerminalInput;

/// <summary>A roster from the broker (SPEC §5.5), already parsed; it replaces the one in use when newer.</summary>
/// <param name="Roster">The roster.</param>
internal sealed record RosterReceived(Roster Roster) : TerminalInput;

/// <summary>The buffer's capacity changed (SPEC §4): full refuses presses, near-full raises a fault.</summary>
/// <param name="Stats">The buffer's figures now.</param>
internal sealed record StorageChanged(BufferStats Stats) : TerminalInput;

/// <summary>A fault the host itself noticed that is over when noticed (GPIO overflow, clock, a buffer incident): recorded once.</summary>
/// <param name="Code">One of <see cref="FaultCodes"/> or a buffer incident code.</param>
/// <param name="Detail">What happened, for people.</param>
/// <param name="Source">Where: <c>gpio</c>, <c>clock</c>, <c>storage</c>, ….</param>
internal sealed record HostFault(string Code, string Detail, string Source) : TerminalInput;

/// <summary>What start-up found in the data directory: the cached roster and a rating held over a restart.</summary>
/// <param name="Roster">The cached roster, or null.</param>
/// <param name="HeldRating">A held bad rating to commit now (as published without a reason), or null.</param>
internal sealed record JournalRestored(Roster? Roster, EventEnvelope? HeldRating) : TerminalInput;

/// <summary>A part fails until further notice (a reader offline, the speaker): recorded once, then in the status until <see cref="FaultCleared"/>.</summary>
/// <param name="Code">The fault code, e.g. <c>reader-offline</c>, <c>audio</c>.</param>
/// <param name="Detail">What failed, for people.</param>
/// <param name="Source">Which part (a reader's name, <c>speaker</c>).</param>
internal sealed record FaultRaised(string Code, string Detail, string Source) : TerminalInput;

/// <summary>The part works again.</summary>
/// <param name="Code">The code that was raised.</param>
/// <param name="Source">Which part.</param>
/// <param name="RecoveredCode">The event to record for the recovery (e.g. <c>reader-restored</c>), or null for none.</param>
/// <param name="Detail">What came back, for people.</param>
internal sealed record FaultCleared(string Code, string Source, string? RecoveredCode, string Detail) : TerminalInput;
