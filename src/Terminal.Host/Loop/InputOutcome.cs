using Terminal.Core.Attendance;
using Terminal.Core.Commands;
using Terminal.Core.Settings;
using Terminal.Core.Window;

namespace Terminal.Host.Loop;

/// <summary>What deciding one input asks of the loop, beyond the window's own state.</summary>
/// <param name="Decision">Events to commit, then cues to show.</param>
/// <param name="AppliedSettings">Settings now in force, to persist with what they replaced, or null.</param>
/// <param name="Replaced">The settings before a <c>config.set</c>, or null.</param>
/// <param name="AcceptedRoster">A newer roster the window took, to cache, or null.</param>
/// <param name="Command">For a command: the core's outcome (result or the host's part), or null.</param>
internal sealed record InputOutcome(
    Decision Decision,
    WindowSettings? AppliedSettings = null,
    WindowSettings? Replaced = null,
    Roster? AcceptedRoster = null,
    CommandOutcome? Command = null)
{
    /// <summary>Nothing to commit, show or keep.</summary>
    public static InputOutcome None { get; } = new(Decision.None);
}
