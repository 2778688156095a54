using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Hardware.Readers;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Board;

/// <summary>What a staff card reader reported, as the loop's input: a swipe, noise, or its fault raised or cleared.</summary>
internal static class ReaderOutcomes
{
    public static TerminalInput ToInput(IStaffCardReader reader, ReaderOutcome outcome) => outcome switch
    {
        CardPresented presented => new CardSwipe(reader.Name, Swipe(reader.Kind, presented.Card)),
        Hardware.Readers.ReaderNoise noise => new Loop.Inputs.UnreadableSwipe(reader.Name, noise.Rejected, noise.LastReason),
        ReaderOffline offline => new FaultRaised(FaultCodes.ReaderOffline, offline.Detail, reader.Name),
        ReaderRestored restored => new FaultCleared(FaultCodes.ReaderOffline, reader.Name, FaultCodes.ReaderRestored, restored.Detail),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "a reader outcome the host does not know"),
    };

    /// <summary>The card as the attendance rules take it (SPEC §5.1: UID cards in upper-case hex, no facility).</summary>
    public static BadgeSwipe Swipe(ReaderKind kind, ReaderCard card) =>
        card.IsUid
            ? BadgeSwipe.Uid(card.Number, kind.WireName())
            : new BadgeSwipe(card.Format, card.Facility, card.Number, kind.WireName());
}
