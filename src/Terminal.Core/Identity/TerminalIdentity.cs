using System.Text.RegularExpressions;

namespace Terminal.Core.Identity;

/// <summary>Who this terminal is: ids used in topics and every event (docs/mqtt.md#topics).</summary>
/// <param name="TerminalId">Terminal id, e.g. <c>T-0412</c>.</param>
/// <param name="HallId">Hall id, e.g. <c>H-01</c>.</param>
/// <param name="Window">Window (counter) name, e.g. <c>12</c>.</param>
public sealed partial record TerminalIdentity(string TerminalId, string HallId, string Window)
{
    /// <summary>Whether <paramref name="id"/> is a valid topic id: <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Topic root <c>eval/v1/{hall}/{terminal}</c>.</summary>
    public string TopicRoot => $"eval/v1/{HallId}/{TerminalId}";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
