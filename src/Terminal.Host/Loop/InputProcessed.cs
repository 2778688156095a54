namespace Terminal.Host.Loop;

/// <summary>An input submitted with <see cref="TerminalLoop.SubmitAsync"/>, after its events were committed and its cues shown.</summary>
/// <param name="Snapshot">What the loop published for it.</param>
/// <param name="Outcome">What deciding it asked for (e.g. a command's result).</param>
internal sealed record InputProcessed(LoopSnapshot Snapshot, InputOutcome Outcome);
