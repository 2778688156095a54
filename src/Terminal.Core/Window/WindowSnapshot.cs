using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Rating;
using Terminal.Core.Settings;

namespace Terminal.Core.Window;

/// <summary>
/// What a <see cref="ServiceWindow"/> is at one moment, immutable: readers on other threads (the
/// status document, the control socket, the self-test, the front panel) use snapshots, never the
/// live window.
/// </summary>
/// <param name="Status">Staffing for the retained status (SPEC §5.3).</param>
/// <param name="Session">The session waiting for a press, or null.</param>
/// <param name="Reason">The bad rating waiting for its reason, or null.</param>
/// <param name="Steady">The cue that shows the rating state now (idle, prompting, thanks, reason prompt, storage full).</param>
/// <param name="Faults">Active fault codes decided by the window (<c>key-stuck</c>, <c>storage-full</c>).</param>
/// <param name="StorageFull">Whether presses and swipes are refused because the buffer is full.</param>
/// <param name="Settings">The settings in force.</param>
/// <param name="Roster">The roster in use.</param>
public sealed record WindowSnapshot(
    WindowStatus Status,
    SessionView? Session,
    ReasonWait? Reason,
    Cue Steady,
    IReadOnlyList<string> Faults,
    bool StorageFull,
    WindowSettings Settings,
    Roster Roster)
{
    /// <summary>The signed-in staff member's roster entry (亮身份), or null when unstaffed or the card is unknown.</summary>
    public RosterEntry? StaffEntry => Status.Staff is { } staff ? Roster.Staff.FirstOrDefault(e => e.Staff == staff) : null;
}

/// <summary>An open rating session as readers see it.</summary>
/// <param name="Id">Session id.</param>
/// <param name="Source">What opened it.</param>
/// <param name="Case">The case from <c>session.open</c>, or null.</param>
/// <param name="TimeLeft">Time until it closes unrated, as of the snapshot.</param>
public sealed record SessionView(string Id, SessionSource Source, CaseInfo? Case, TimeSpan TimeLeft);

/// <summary>A bad rating waiting for its reason.</summary>
/// <param name="Rating">The rating as it is committed if no reason comes (<c>reasons: []</c>).</param>
/// <param name="Key">The key (or <c>screen</c>) that gave it.</param>
/// <param name="TimeLeft">Time until it is published without a reason, as of the snapshot.</param>
public sealed record ReasonWait(EventEnvelope Rating, string Key, TimeSpan TimeLeft);
