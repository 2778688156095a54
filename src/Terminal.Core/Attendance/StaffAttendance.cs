using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Window;
using Terminal.Core.Settings;

namespace Terminal.Core.Attendance;

/// <summary>
/// Who is at the window (SPEC §3.2): sign-in, sign-out with the same card, card change, pause and
/// resume, duplicate swipes. Cards missing from the roster go through the same rules with
/// <c>staff: null</c> — a new colleague whose card the cached roster does not know yet can still
/// sign in offline — and are shown as unknown.
/// </summary>
internal sealed class StaffAttendance(WindowContext context)
{
    private SignedIn? _current;
    private bool _paused;
    private LastSwipe? _last;

    public Roster Roster { get; private set; } = Roster.Empty;

    public WindowStatus Status =>
        _current is null ? WindowStatus.Unstaffed
        : new WindowStatus(_paused ? WindowState.Paused : WindowState.Staffed, _current.Entry?.Staff, _current.Entry?.Name);

    public void Swipe(BadgeSwipe swipe, DecisionBuilder decision)
    {
        var now = context.Now;
        var key = CardKey.Of(swipe);
        var entry = Roster.Find(key);
        if (_last is { } last && last.Card == key && context.Elapsed(last.At, now) < context.Settings.Get(TerminalSettings.Attendance.DuplicateWindow))
        {
            // SPEC §3.2: recorded, but no state change; the cue repeats what the first swipe did.
            decision.Commit(Event(swipe, entry, last.Action, duplicate: true));
            decision.Show(CueFor(last.Action, entry));
            return;
        }

        string action;
        if (_current is null)
        {
            action = SignIn(swipe, entry, decision);
        }
        else if (_current.Card == key)
        {
            action = SignOut(decision);
        }
        else
        {
            SignOut(decision);
            action = SignIn(swipe, entry, decision);
        }

        _last = new LastSwipe(key, now, action);
        decision.Show(CueFor(action, entry));
    }

    /// <summary>The pause key: pauses or resumes the signed-in staff; nothing when unstaffed.</summary>
    public void TogglePause(DecisionBuilder decision)
    {
        if (_current is null)
        {
            return;
        }

        _paused = !_paused;
        var action = _paused ? "pause" : "resume";
        decision.Commit(Event(_current.Swipe, _current.Entry, action, duplicate: false));
        decision.Show(_paused ? CueKind.Paused : CueKind.Resumed);
    }

    /// <summary>Takes a newer roster; the signed-in card is looked up again so a new name shows at once.</summary>
    public bool Apply(Roster roster)
    {
        if (!Roster.IsReplacedBy(roster))
        {
            return false;
        }

        Roster = roster;
        if (_current is not null)
        {
            _current = _current with { Entry = roster.Find(_current.Card) };
            context.Staff = _current.Entry?.Staff;
        }

        return true;
    }

    private static CueKind CueFor(string action, RosterEntry? entry) =>
        entry is null ? CueKind.UnknownCard
        : action switch
        {
            "sign-in" => CueKind.SignedIn,
            _ => CueKind.SignedOut,
        };

    private string SignIn(BadgeSwipe swipe, RosterEntry? entry, DecisionBuilder decision)
    {
        _current = new SignedIn(CardKey.Of(swipe), swipe, entry);
        _paused = false;
        context.Staff = entry?.Staff;
        decision.Commit(Event(swipe, entry, "sign-in", duplicate: false));
        return "sign-in";
    }

    private string SignOut(DecisionBuilder decision)
    {
        var leaving = _current!;
        decision.Commit(Event(leaving.Swipe, leaving.Entry, "sign-out", duplicate: false));
        _current = null;
        _paused = false;
        context.Staff = null;
        return "sign-out";
    }

    private EventEnvelope Event(BadgeSwipe swipe, RosterEntry? entry, string action, bool duplicate) =>
        context.Events.Create(EventType.Attendance, entry?.Staff, new AttendanceData
        {
            Card = swipe.Card,
            Format = swipe.Format,
            Facility = swipe.Facility,
            Reader = swipe.Reader,
            Staff = entry?.Staff,
            Name = entry?.Name,
            Action = action,
            Duplicate = duplicate,
        });

    private sealed record SignedIn(CardKey Card, BadgeSwipe Swipe, RosterEntry? Entry);

    private sealed record LastSwipe(CardKey Card, long At, string Action);
}
