using System.Globalization;
using System.Text.Json.Nodes;

namespace Terminal.Host.SelfTest;

/// <summary>The non-interactive self-test's result: every part, passed only when all passed.</summary>
/// <param name="At">When it ran.</param>
/// <param name="Board">Board name from the board file.</param>
/// <param name="Parts">Parts in the order they ran.</param>
internal sealed record SelfTestReport(DateTimeOffset At, string Board, IReadOnlyList<SelfTestPart> Parts)
{
    public bool Passed => Parts.All(p => p.Passed);

    /// <summary>
    /// <c>{"passed":…, "at":…, "board":…, "parts":[{"part":…, "passed":…, "detail":…}]}</c>: the body of
    /// <c>POST /selftest/run</c> and the fields of the <c>selftest.run</c> reply (docs/mqtt.md#commands).
    /// </summary>
    public JsonObject ToJson() => new()
    {
        ["passed"] = Passed,
        ["at"] = At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["board"] = Board,
        ["parts"] = new JsonArray(Parts.Select(p => (JsonNode)new JsonObject
        {
            ["part"] = p.Name,
            ["passed"] = p.Passed,
            ["detail"] = p.Detail,
        }).ToArray()),
    };
}
