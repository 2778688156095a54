using System.Text.Json.Nodes;
using Terminal.Host.Loop;

namespace Terminal.Host.FrontPanel;

/// <summary>What to send a page: a snapshot's view (with its notice when just published), or, with no snapshot, the board.</summary>
/// <param name="Snapshot">The snapshot, or null for a board change.</param>
/// <param name="Fresh">Whether the snapshot was just published (its transient cue is news).</param>
/// <param name="Board">The virtual board as it was then (under <c>--simulate</c>), shared by every page: each copies it.</param>
internal sealed record PanelMessage(LoopSnapshot? Snapshot, bool Fresh, JsonObject? Board);
