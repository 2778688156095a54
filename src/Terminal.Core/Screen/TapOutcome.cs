using Terminal.Core.Window;

namespace Terminal.Core.Screen;

/// <summary>What the window decided for a <see cref="ScreenTap"/>.</summary>
/// <param name="Decision">Events to commit, then cues to show (none when the tap was refused).</param>
/// <param name="Verdict">Whether it counted, and why not.</param>
/// <param name="Message">For people: what happened, e.g. why it was refused.</param>
public sealed record TapOutcome(Decision Decision, TapVerdict Verdict, string Message);
