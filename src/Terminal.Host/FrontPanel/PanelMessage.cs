using Terminal.Host.Loop;

namespace Terminal.Host.FrontPanel;

/// <summary>What to send a page: a snapshot's view (with its notice when just published), or, with no snapshot, the board.</summary>
/// <param name="Snapshot">The snapshot, or null for a board change.</param>
/// <param name="Fresh">Whether the snapshot was just published (its transient cue is news).</param>
internal sealed record PanelMessage(LoopSnapshot? Snapshot, bool Fresh);
