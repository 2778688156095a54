using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Keys;
using Terminal.Core.Window;
using RatingSetting = Terminal.Core.Settings.TerminalSettings.Rating;

namespace Terminal.Core.Rating;

/// <summary>
/// One service, one rating (SPEC §3.1): opens, rates, holds a bad rating for its reason, closes
/// unrated on timeout, and records later presses as aggregated repeats.
/// </summary>
internal sealed class RatingSessions(WindowContext context)
{
    /// <summary>A burst is committed at least this often, so a long hammering is recorded in bounded pieces.</summary>
    internal static readonly TimeSpan MaxBurst = TimeSpan.FromSeconds(60);

    /// <summary>How many closed queue session ids are remembered to recognise a late redelivered <c>session.open</c>.</summary>
    private const int RememberedSessions = 16;

    private readonly RepeatBurst _burst = new();
    private readonly Queue<string> _closed = new();
    private RatingSession? _open;
    private HeldRating? _held;
    private RatingSession? _rated;
    private long _quietSince;

    public string? OpenSessionId => _open?.Id;

    public EventEnvelope? HeldRating => _held?.Rating;

    /// <summary>The open session for a snapshot, or null.</summary>
    public SessionView? OpenView(long now) =>
        _open is { } open ? new SessionView(open.Id, open.Source, open.Case, context.Remaining(open.OpenedAt, context.Settings.Get(RatingSetting.SessionTimeout), now)) : null;

    /// <summary>The held rating for a snapshot, or null.</summary>
    public ReasonWait? ReasonView(long now) =>
        _held is { } held ? new ReasonWait(held.Rating, held.Key, context.Remaining(held.HeldAt, context.Settings.Get(RatingSetting.ReasonTimeout), now)) : null;

    /// <summary>The cue that shows the rating state now, e.g. to restore after a transient cue.</summary>
    public Cue SteadyCue =>
        _held is not null ? new Cue(CueKind.ReasonPrompt, _held.Key)
        : _open is not null ? new Cue(CueKind.Prompting)
        : _rated is not null ? new Cue(CueKind.Thanks)
        : new Cue(CueKind.Idle);

    /// <summary>
    /// Opens a session and returns its id. The id of the open session or of one of the last closed
    /// ones again (a QoS 1 redelivery, MQTT 3.1.1 §4.3.2) changes nothing.
    /// </summary>
    public string Open(SessionSource source, string? id, CaseInfo? @case, DecisionBuilder decision)
    {
        if (_open is not null && (_open.Id == id || (id is null && source == SessionSource.Staff)))
        {
            decision.Show(CueKind.Prompting);
            return _open.Id;
        }

        if (id is not null && _closed.Contains(id))
        {
            return id;
        }

        var now = context.Now;
        EndPrevious(decision);
        if (_open is not null)
        {
            // The next service began before this one was rated.
            Close(_open, "unrated", decision);
        }

        _open = new RatingSession(id ?? context.NewId(), source, @case, now);
        decision.Commit(SessionEvent(_open, "opened", null));
        decision.Show(CueKind.Prompting);
        return _open.Id;
    }

    /// <summary>Closes the open session as cancelled; false when none (or another) is open.</summary>
    public bool Cancel(string? id, DecisionBuilder decision)
    {
        if (_open is null || (id is not null && id != _open.Id))
        {
            return false;
        }

        Close(_open, "cancelled", decision);
        _open = null;
        decision.Show(CueKind.Idle);
        return true;
    }

    public void Press(KeyInput input, int level, DecisionBuilder decision)
    {
        var now = context.Now;
        if (_held is not null)
        {
            Repeat(input.Key, level, _held.Session, now);
            return;
        }

        if (_open is null && _rated is not null && context.Elapsed(_quietSince, now) < context.Settings.Get(RatingSetting.Cooldown))
        {
            Repeat(input.Key, level, _rated, now);
            return;
        }

        EndPrevious(decision);
        if (_open is null)
        {
            var source = context.Settings.Get(RatingSetting.Mode) == Settings.RatingMode.Free ? SessionSource.Free : SessionSource.Citizen;
            _open = new RatingSession(context.NewId(), source, null, now);
            decision.Commit(SessionEvent(_open, "opened", null));
        }

        Rate(_open, input.Key, level, now, decision);
    }

    /// <summary>A reason for the held bad rating; false when no rating waits for one.</summary>
    public bool Reason(string code, DecisionBuilder decision)
    {
        if (_held is null)
        {
            return false;
        }

        var key = _held.Key;
        Publish([code], decision);
        _quietSince = context.Now;
        decision.Show(CueKind.Thanks, key);
        return true;
    }

    public void Tick(long now, DecisionBuilder decision)
    {
        var settings = context.Settings;
        if (_open is not null && context.Remaining(_open.OpenedAt, settings.Get(RatingSetting.SessionTimeout), now) <= TimeSpan.Zero)
        {
            Close(_open, "unrated", decision);
            _open = null;
            decision.Show(CueKind.Idle);
        }

        if (_held is not null && context.Remaining(_held.HeldAt, settings.Get(RatingSetting.ReasonTimeout), now) <= TimeSpan.Zero)
        {
            // SPEC §3.1: no answer still publishes the rating, with reasons: [].
            var key = _held.Key;
            Publish([], decision);
            _quietSince = now;
            decision.Show(CueKind.Thanks, key);
        }

        if (_held is not null)
        {
            return;
        }

        var quiet = context.Remaining(_quietSince, settings.Get(RatingSetting.Cooldown), now) <= TimeSpan.Zero;
        if (!_burst.IsEmpty && (quiet || context.Remaining(_burst.StartedAt!.Value, MaxBurst, now) <= TimeSpan.Zero))
        {
            _burst.Flush(decision);
        }

        if (_rated is not null && quiet)
        {
            _rated = null;
            if (_open is null)
            {
                decision.Show(CueKind.Idle);
            }
        }
    }

    /// <summary>Time until the next deadline, or null when nothing is pending.</summary>
    public TimeSpan? DueIn(long now)
    {
        var settings = context.Settings;
        TimeSpan? due = null;
        if (_open is not null)
        {
            due = Earliest(due, context.Remaining(_open.OpenedAt, settings.Get(RatingSetting.SessionTimeout), now));
        }

        if (_held is not null)
        {
            return Earliest(due, context.Remaining(_held.HeldAt, settings.Get(RatingSetting.ReasonTimeout), now));
        }

        if (_rated is not null || !_burst.IsEmpty)
        {
            due = Earliest(due, context.Remaining(_quietSince, settings.Get(RatingSetting.Cooldown), now));
        }

        if (_burst.StartedAt is long started)
        {
            due = Earliest(due, context.Remaining(started, MaxBurst, now));
        }

        return due;
    }

    /// <summary>Orderly stop: publish a held rating, cancel the open session, commit pending repeats.</summary>
    public void Shutdown(DecisionBuilder decision)
    {
        EndPrevious(decision);
        if (_open is not null)
        {
            Close(_open, "cancelled", decision);
            _open = null;
        }
    }

    private static TimeSpan Earliest(TimeSpan? a, TimeSpan b) => a is null || b < a ? b : a.Value;

    /// <summary>Ends what is left of the previous rating: the held rating, then its repeats.</summary>
    private void EndPrevious(DecisionBuilder decision)
    {
        if (_held is not null)
        {
            Publish([], decision);
        }

        _burst.Flush(decision);
        _rated = null;
    }

    private void Rate(RatingSession session, string key, int level, long now, DecisionBuilder decision)
    {
        var rating = context.Events.Create(EventType.Rating, context.Staff, RatingOf(session, key, level, now, misuse: null));
        _open = null;
        _rated = session;
        _quietSince = now;

        // The session is rated at the press, so its close is committed now; only a bad rating's
        // reason is still to come (see ServiceWindow.HeldRating).
        if (RatingScale.IsBad(level) && context.Keys.CanCollectReason)
        {
            Close(session, "rated", decision);
            _held = new HeldRating(session, rating, now);
            decision.Show(CueKind.ReasonPrompt, key);
            return;
        }

        decision.Commit(rating);
        Close(session, "rated", decision);
        decision.Show(CueKind.Thanks, key);
    }

    private void Publish(IReadOnlyList<string> reasons, DecisionBuilder decision)
    {
        var held = _held!;
        decision.Commit(held.Rating with { Data = (RatingData)held.Rating.Data with { Reasons = reasons } });
        _held = null;
        _burst.Flush(decision);
    }

    private void Repeat(string key, int level, RatingSession session, long now)
    {
        _burst.Add(key, now, () => context.Events.Create(EventType.Rating, context.Staff, RatingOf(session, key, level, now, misuse: "repeat")));
        _quietSince = now;
    }

    private RatingData RatingOf(RatingSession session, string key, int level, long now, string? misuse) => new()
    {
        Session = session.Id,
        Level = level,
        Label = RatingScale.Label(level),
        Key = key,
        Reasons = [],
        Invited = session.Source.IsInvited(),
        LatencyMs = (long)context.Elapsed(session.OpenedAt, now).TotalMilliseconds,
        Case = session.Case,
        Misuse = misuse,
    };

    private void Close(RatingSession session, string outcome, DecisionBuilder decision)
    {
        decision.Commit(SessionEvent(session, "closed", outcome));
        if (session.Source != SessionSource.Queue)
        {
            return; // only the queue's ids can come back in a redelivered session.open
        }

        _closed.Enqueue(session.Id);
        if (_closed.Count > RememberedSessions)
        {
            _closed.Dequeue();
        }
    }

    private EventEnvelope SessionEvent(RatingSession session, string action, string? outcome) =>
        context.Events.Create(EventType.Session, context.Staff, new SessionData
        {
            Session = session.Id,
            Action = action,
            Source = session.Source.WireName(),
            Outcome = outcome,
            Case = session.Case,
        });
}
