using Terminal.Core.Events;
using Terminal.Core.Feedback;

namespace Terminal.Core.Window;

/// <summary>
/// What the core decided for one input: events to commit, then cues to show. The host commits
/// <see cref="Events"/> to the durable buffer first and only then shows <see cref="Cues"/> (docs/mqtt.md#delivery).
/// </summary>
/// <param name="Events">Events to commit, in order.</param>
/// <param name="Cues">Feedback to show after the commit.</param>
public sealed record Decision(IReadOnlyList<EventEnvelope> Events, IReadOnlyList<Cue> Cues)
{
    /// <summary>Nothing to do.</summary>
    public static Decision None { get; } = new([], []);
}
