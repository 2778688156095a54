namespace Terminal.Core.Keys;

/// <summary>What the board's keys can do, as far as the rating logic cares (from the board file).</summary>
/// <param name="Levels">Rating levels that have a key, e.g. 5, 3, 2 on a 3-key board.</param>
/// <param name="ReasonCodes">
/// Reason codes the board (reason keys, later the front panel) can collect; empty when a bad
/// rating cannot be given a reason, in which case it is published at once with <c>reasons: []</c>.
/// </param>
public sealed record KeyLayout(IReadOnlyList<int> Levels, IReadOnlyList<string> ReasonCodes)
{
    /// <summary>Five rating keys, no reason keys.</summary>
    public static KeyLayout FiveKeys { get; } = new([5, 4, 3, 2, 1], []);

    /// <summary>Whether a bad rating waits for a reason (docs/mqtt.md#rating).</summary>
    public bool CanCollectReason => ReasonCodes.Count > 0;
}
