using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Keys;
using Terminal.Core.Rating;
using Terminal.Core.Settings;

namespace Terminal.Core.Window;

/// <summary>
/// The logic of one service window: rating sessions (SPEC §3.1) and attendance (SPEC §3.2).
/// </summary>
/// <remarks>
/// <para>Single-threaded: the host calls one method at a time, commits <see cref="Decision.Events"/>
/// to the durable buffer, then shows <see cref="Decision.Cues"/>.</para>
/// <para>Time: the window owns no timer. After every call the host asks <see cref="DueIn"/> and
/// calls <see cref="OnTick"/> once that much time has passed (re-arming one timer is enough).
/// Deadlines are measured with <see cref="TimeProvider.GetTimestamp"/> — monotonic, so an NTP step
/// of the wall clock neither fires nor delays them. Every entry point first handles whatever is
/// already due, so a late tick loses nothing.</para>
/// <para>Bad ratings: when the board can collect a reason, the session's close (<c>rated</c>) is
/// committed at the press and the rating itself is held until a reason or <c>reasonTimeout</c>
/// (see <see cref="HeldRating"/>).</para>
/// </remarks>
public sealed class ServiceWindow
{
    private readonly WindowContext _context;
    private readonly RatingSessions _sessions;
    private readonly StaffAttendance _attendance;
    private readonly StuckKeys _keys;
    private readonly ActiveFaults _faults;

    /// <summary>A window with the default settings and five rating keys.</summary>
    public ServiceWindow(EventFactory events, TimeProvider time)
        : this(WindowSettings.Default, KeyLayout.FiveKeys, events, time)
    {
    }

    /// <summary>A window with validated <paramref name="settings"/> for a board with <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every reason.</exception>
    public ServiceWindow(WindowSettings settings, KeyLayout keys, EventFactory events, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        ThrowIfInvalid(settings);
        _context = new WindowContext(settings, keys, events, time);
        _sessions = new RatingSessions(_context);
        _attendance = new StaffAttendance(_context);
        _keys = new StuckKeys(_context);
        _faults = new ActiveFaults(_context);
    }

    /// <summary>The settings in force.</summary>
    public WindowSettings Settings => _context.Settings;

    /// <summary>The signed-in staff id, or null.</summary>
    public string? Staff => _context.Staff;

    /// <summary>Staffing for the retained status (SPEC §5.3); republish when it changes.</summary>
    public WindowStatus Status => _attendance.Status;

    /// <summary>The roster in use (<see cref="Roster.Empty"/> until one is applied).</summary>
    public Roster Roster => _attendance.Roster;

    /// <summary>Id of the session waiting for a press, or null.</summary>
    public string? OpenSessionId => _sessions.OpenSessionId;

    /// <summary>
    /// A bad rating waiting for its reason, exactly as it will be committed if no reason comes
    /// (<c>reasons: []</c>); null otherwise. So that a power cut during the wait loses nothing, the
    /// host keeps a durable copy while it is non-null (check after each call) and on the next
    /// start hands it to <see cref="Recover"/>. The final event has the same <c>id</c>, so a copy
    /// recovered after the final one was committed is only a duplicate the server drops.
    /// </summary>
    public EventEnvelope? HeldRating => _sessions.HeldRating;

    /// <summary>Whether presses and swipes are refused because the buffer is full (SPEC §4).</summary>
    public bool StorageFull { get; private set; }

    /// <summary>Active fault codes for the status document (<c>key-stuck</c>, <c>storage-full</c>).</summary>
    public IReadOnlyList<string> Faults =>
        [.. _keys.Stuck.Count > 0 ? [FaultCodes.KeyStuck] : Array.Empty<string>(), .. StorageFull ? [FaultCodes.StorageFull] : Array.Empty<string>(), .. _faults.Codes];

    /// <summary>What the window is now, immutable, for readers on other threads.</summary>
    public WindowSnapshot Snapshot()
    {
        var now = _context.Now;
        return new WindowSnapshot(
            Status,
            _sessions.OpenView(now),
            _sessions.ReasonView(now),
            StorageFull ? new Cue(CueKind.StorageFull) : _sessions.SteadyCue,
            Faults,
            StorageFull,
            Settings,
            Roster);
    }

    /// <summary>A debounced key transition (rating, invite, pause or reason key).</summary>
    public Decision OnKey(KeyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decision = Begin();
        if (!_keys.Accept(input, decision))
        {
            return decision.Build();
        }

        if (StorageFull)
        {
            decision.Show(CueKind.StorageFull);
            return decision.Build();
        }

        switch (input.Role)
        {
            case KeyRole.Rating when input.Level is int level && RatingScale.IsValid(level) && _context.Keys.Levels.Contains(level):
                _sessions.Press(input, level, decision);
                break;
            case KeyRole.Invite:
                _sessions.Open(SessionSource.Staff, null, null, decision);
                break;
            case KeyRole.Pause:
                _attendance.TogglePause(decision);
                break;
            case KeyRole.Reason when input.Reason is string code:
                _sessions.Reason(code, decision);
                break;
            default:
                break;
        }

        return decision.Build();
    }

    /// <summary>A reason chosen outside the keys (e.g. the front panel) for the held bad rating.</summary>
    public Decision OnReason(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var decision = Begin();
        if (RatingScale.ReasonCodes.Contains(code))
        {
            _sessions.Reason(code, decision);
        }

        return decision.Build();
    }

    /// <summary>A decoded badge swipe.</summary>
    public Decision OnBadge(BadgeSwipe swipe)
    {
        ArgumentNullException.ThrowIfNull(swipe);
        var decision = Begin();
        if (StorageFull)
        {
            decision.Show(CueKind.StorageFull);
            return decision.Build();
        }

        _attendance.Swipe(swipe, decision);
        return decision.Build();
    }

    /// <summary>
    /// <c>session.open</c> from the queue system: opens a session (closing an unrated one as
    /// <c>unrated</c>). The same <paramref name="session"/> id again changes nothing (QoS 1 redelivery).
    /// </summary>
    public Decision OpenSession(string? session, CaseInfo? @case, out string sessionId)
    {
        var decision = Begin();
        sessionId = _sessions.Open(SessionSource.Queue, session, @case, decision);
        return decision.Build();
    }

    /// <summary><c>session.cancel</c>: closes the open session (if it has this id) as <c>cancelled</c>.</summary>
    public Decision CancelSession(string? session, out bool cancelled)
    {
        var decision = Begin();
        cancelled = _sessions.Cancel(session, decision);
        return decision.Build();
    }

    /// <summary><c>config.set</c>: new settings, in force at once, also for running deadlines.</summary>
    /// <exception cref="ArgumentException">The settings are invalid; nothing changed.</exception>
    public Decision ApplySettings(WindowSettings settings)
    {
        ThrowIfInvalid(settings);
        var decision = Begin();
        _context.Settings = settings;
        Tick(decision);
        return decision.Build();
    }

    /// <summary>Takes the roster if it is newer than the one in use; false (ignored) otherwise.</summary>
    public bool ApplyRoster(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return _attendance.Apply(roster);
    }

    /// <summary>
    /// The buffer's capacity state (SPEC §4). While full, presses and swipes are refused with the
    /// <see cref="CueKind.StorageFull"/> pattern; when it clears, the current state shows again.
    /// </summary>
    public Decision SetStorageFull(bool full)
    {
        var decision = Begin();
        if (full != StorageFull)
        {
            StorageFull = full;
            decision.Show(full ? new Cue(CueKind.StorageFull) : _sessions.SteadyCue);
        }

        return decision.Build();
    }

    /// <summary>A fault that happened and is over (reader noise, a GPIO overflow, a buffer incident): one event.</summary>
    public Decision RecordFault(string code, string detail, string source)
    {
        var decision = Begin();
        decision.Commit(_faults.Fault(code, detail, source));
        return decision.Build();
    }

    /// <summary>A part failing until further notice (a reader offline, the speaker): one event, then listed in <see cref="Faults"/> until cleared.</summary>
    public Decision RaiseFault(string code, string detail, string source)
    {
        var decision = Begin();
        _faults.Raise(code, detail, source, decision);
        return decision.Build();
    }

    /// <summary>The part works again: its fault leaves <see cref="Faults"/>; <paramref name="recoveredCode"/>, when given, is recorded.</summary>
    public Decision ClearFault(string code, string source, string? recoveredCode, string detail)
    {
        var decision = Begin();
        _faults.Clear(code, source, recoveredCode, detail, decision);
        return decision.Build();
    }

    /// <summary>Commits a <see cref="HeldRating"/> kept over a restart, as published without a reason.</summary>
    public Decision Recover(EventEnvelope heldRating)
    {
        ArgumentNullException.ThrowIfNull(heldRating);
        if (heldRating.Type != EventType.Rating || heldRating.Data is not RatingData)
        {
            throw new ArgumentException("only a held rating event can be recovered", nameof(heldRating));
        }

        return new Decision([heldRating], []);
    }

    /// <summary>Time until the next deadline (zero when overdue), or null when nothing is pending.</summary>
    public TimeSpan? DueIn()
    {
        var now = _context.Now;
        TimeSpan?[] due = [_sessions.DueIn(now), _keys.DueIn(now)];
        var next = due.Where(d => d is not null).Min();
        return next is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : next;
    }

    /// <summary>Handles everything due now: timeouts, reason waits, ends of repeat bursts, stuck keys.</summary>
    public Decision OnTick() => Begin().Build();

    /// <summary>Orderly stop: publishes a held rating, cancels the open session, commits pending repeats.</summary>
    public Decision Shutdown()
    {
        var decision = Begin();
        _sessions.Shutdown(decision);
        return decision.Build();
    }

    private static void ThrowIfInvalid(WindowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(settings));
        }
    }

    private DecisionBuilder Begin()
    {
        var decision = new DecisionBuilder();
        Tick(decision);
        return decision;
    }

    private void Tick(DecisionBuilder decision)
    {
        var now = _context.Now;
        _keys.Tick(now, decision);
        _sessions.Tick(now, decision);
    }
}
