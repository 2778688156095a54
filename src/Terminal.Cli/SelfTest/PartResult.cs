using System.Text.Json;
using System.Text.Json.Nodes;

namespace Terminal.Cli.SelfTest;

/// <summary>One row of the self-test table.</summary>
/// <param name="Part">What was tested, e.g. <c>key:k5</c>.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Detail">What was found, or what to check.</param>
internal sealed record PartResult(string Part, bool Passed, string Detail)
{
    /// <summary>Reads a part of the host's report (<c>{"part","passed","detail"}</c>).</summary>
    public static PartResult From(JsonElement part) => new(
        part.GetProperty("part").GetString() ?? "?",
        part.GetProperty("passed").GetBoolean(),
        part.GetProperty("detail").GetString() ?? string.Empty);

    public JsonObject ToJson() => new() { ["part"] = Part, ["passed"] = Passed, ["detail"] = Detail };
}
