using Terminal.Core.Commands;
using Terminal.Core.Events;
using Terminal.Core.Window;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Loop;

/// <summary>
/// Decides one <see cref="TerminalInput"/> on the window: the only place an input meets the core.
/// Runs on the loop, one input at a time; it does no I/O (the loop commits and keeps what it says).
/// </summary>
internal static class InputDecider
{
    public static InputOutcome Decide(ServiceWindow window, TerminalInput input) => input switch
    {
        KeyEdge key => new(window.OnKey(key.Key)),
        CardSwipe card => new(window.OnBadge(card.Swipe)),
        UnreadableSwipe noise => new(window.RecordFault(FaultCodes.ReaderNoise, $"{noise.Frames} unreadable input(s); last: {noise.LastReason}", noise.Reader)),
        ReaderDropped or ReaderIgnored => InputOutcome.None,
        CommandReceived command => Command(window, command),
        RosterReceived roster => window.ApplyRoster(roster.Roster) ? new(Decision.None, AcceptedRoster: roster.Roster) : InputOutcome.None,
        StorageChanged storage => Storage(window, storage),
        HostFault fault => new(window.RecordFault(fault.Code, fault.Detail, fault.Source)),
        FaultRaised raised => new(window.RaiseFault(raised.Code, raised.Detail, raised.Source)),
        FaultCleared cleared => new(window.ClearFault(cleared.Code, cleared.Source, cleared.RecoveredCode, cleared.Detail)),
        JournalRestored restored => Restore(window, restored),
        Tick => new(window.OnTick()),
        Shutdown => new(window.Shutdown()),
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, "an input the loop does not know"),
    };

    private static InputOutcome Command(ServiceWindow window, CommandReceived command)
    {
        var before = window.Settings;
        var outcome = new CommandHandler(window).Handle(command.Name, command.Payload.Span);
        return new(outcome.Decision, outcome.AppliedSettings, outcome.AppliedSettings is null ? null : before, Command: outcome);
    }

    private static InputOutcome Storage(ServiceWindow window, StorageChanged storage)
    {
        var stats = storage.Stats;
        var decision = window.SetStorageFull(stats.Full);
        if (stats.Full || !stats.NearFull)
        {
            return new(decision);
        }

        var fault = window.RecordFault(FaultCodes.StorageNearFull, $"{stats.Pending} of {stats.MaxEvents} events, {stats.PendingBytes} of {stats.MaxBytes} bytes pending", "storage");
        return new(new Decision([.. decision.Events, .. fault.Events], decision.Cues));
    }

    private static InputOutcome Restore(ServiceWindow window, JournalRestored restored)
    {
        if (restored.Roster is { } roster)
        {
            window.ApplyRoster(roster);
        }

        return restored.HeldRating is { } held ? new(window.Recover(held)) : InputOutcome.None;
    }
}
