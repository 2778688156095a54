using System.Text;
using System.Text.Json.Nodes;

namespace Terminal.Cli.SelfTest;

/// <summary>The pass/fail table a field engineer reads at the end of a self-test.</summary>
internal static class ResultTable
{
    public static string Format(IReadOnlyList<PartResult> parts)
    {
        var width = Math.Max("part".Length, parts.Count == 0 ? 0 : parts.Max(p => p.Part.Length));
        var text = new StringBuilder();
        text.AppendLine($"{"part".PadRight(width)}  result  detail");
        foreach (var p in parts)
        {
            text.AppendLine($"{p.Part.PadRight(width)}  {(p.Passed ? "PASS" : "FAIL"),-6}  {p.Detail}");
        }

        var failed = parts.Count(p => !p.Passed);
        text.Append(failed == 0 ? $"self-test passed: {parts.Count} part(s)" : $"self-test FAILED: {failed} of {parts.Count} part(s) failed");
        return text.ToString();
    }

    /// <summary>The whole result as one JSON document (<c>--json</c>).</summary>
    public static JsonObject ToJson(IReadOnlyList<PartResult> parts, string? board) => new()
    {
        ["passed"] = parts.All(p => p.Passed),
        ["board"] = board,
        ["parts"] = new JsonArray(parts.Select(p => (JsonNode)p.ToJson()).ToArray()),
    };
}
