using Terminal.Core.Feedback;
using Terminal.Core.Keys;
using Terminal.Core.Rating;
using Terminal.Core.Window;

namespace Terminal.Core.Screen;

/// <summary>
/// Taps on the front panel (docs/front-panel.md#touch), decided like key presses (docs/mqtt.md#rating) once the tap is known to
/// be for the state the screen showed: a tap carries the session it saw, and a tap for another one
/// (closed meanwhile, or replaced by the next service) is stale and changes nothing.
/// </summary>
internal sealed class ScreenTaps(WindowContext context, RatingSessions sessions)
{
    public (TapVerdict Verdict, string Message) Tap(ScreenTap tap, bool storageFull, DecisionBuilder decision)
    {
        switch (tap)
        {
            case RatingTap rating when !RatingScale.IsValid(rating.Level) || !context.Keys.Levels.Contains(rating.Level):
                return (TapVerdict.UnknownLevel, $"level {rating.Level} has no button on this board (levels: {string.Join(", ", context.Keys.Levels)})");
            case ReasonTap reason when !RatingScale.ReasonCodes.Contains(reason.Code):
                return (TapVerdict.UnknownReason, $"'{reason.Code}' is not a reason code ({string.Join(", ", RatingScale.ReasonCodes)})");
            default:
                break;
        }

        if (storageFull)
        {
            decision.Show(CueKind.StorageFull);
            return (TapVerdict.StorageFull, "the buffer is full: ratings are refused until it drains");
        }

        return tap switch
        {
            RatingTap rating => Rate(rating, decision),
            ReasonTap reason => Reason(reason, decision),
            _ => throw new ArgumentOutOfRangeException(nameof(tap), tap, "a tap the window does not know"),
        };
    }

    private (TapVerdict, string) Rate(RatingTap tap, DecisionBuilder decision)
    {
        var target = sessions.TapTarget;
        if (tap.Session != target)
        {
            return Stale(tap.Session, target);
        }

        var press = new KeyInput(ScreenTap.Key, KeyRole.Rating, tap.Level, null, KeyAction.Pressed);
        return sessions.Press(press, tap.Level, decision)
            ? (TapVerdict.Counted, $"level {tap.Level} rated")
            : (TapVerdict.Repeat, "already rated: recorded as a repeat");
    }

    private (TapVerdict, string) Reason(ReasonTap tap, DecisionBuilder decision)
    {
        var held = sessions.HeldSessionId;
        if (held is null || tap.Session != held)
        {
            return Stale(tap.Session, held);
        }

        sessions.Reason(tap.Code, decision);
        return (TapVerdict.Counted, $"reason {tap.Code} given");
    }

    private static (TapVerdict, string) Stale(string? shown, string? current) =>
        (TapVerdict.Stale, $"the screen showed {Describe(shown)} but {Describe(current)} is current now; nothing was recorded");

    private static string Describe(string? session) => session is null ? "no session" : $"session {session}";
}
