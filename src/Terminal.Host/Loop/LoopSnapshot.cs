using Terminal.Core.Feedback;
using Terminal.Core.Window;
using Terminal.Host.Loop.Inputs;
using Terminal.Storage;

namespace Terminal.Host.Loop;

/// <summary>
/// What the loop publishes after each input, immutable: the window as it now is, and what that
/// input committed and showed. Everything outside the loop reads these, never the live window.
/// </summary>
/// <param name="Version">Increases by one per input processed (0: before the first).</param>
/// <param name="Input">The input just processed.</param>
/// <param name="Committed">Events it committed, in order (possibly none).</param>
/// <param name="Shown">Cues it showed, in order.</param>
/// <param name="Window">The window after it.</param>
internal sealed record LoopSnapshot(long Version, TerminalInput Input, IReadOnlyList<StoredEvent> Committed, IReadOnlyList<Cue> Shown, WindowSnapshot Window);
