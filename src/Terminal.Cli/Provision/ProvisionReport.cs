using System.Text.Json.Serialization;

namespace Terminal.Cli.Provision;

/// <summary>The <c>--json</c> output of <c>provision</c>: what was written, or why not (camelCase, as all --json output).</summary>
internal sealed record ProvisionReport(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);
