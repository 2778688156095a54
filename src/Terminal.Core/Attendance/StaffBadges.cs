namespace Terminal.Core.Attendance;

/// <summary>The roster's badge codes (docs/mqtt.md#roster) and how the 亮身份 card names them.</summary>
public static class StaffBadges
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["party-member"] = "党员",
        ["model-post"] = "示范岗",
    };

    /// <summary>The codes this terminal knows how to show.</summary>
    public static IReadOnlyCollection<string> Known => Labels.Keys;

    /// <summary>The Chinese label of a badge, or null for a code this terminal does not know (it is not shown).</summary>
    public static string? Label(string code) => Labels.GetValueOrDefault(code);
}
