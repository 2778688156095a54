using System.Text.Json;
using Json.Schema;
using Xunit;

namespace Terminal.TestUtils.Contract;

/// <summary>
/// The payload schemas of <c>docs/schemas/</c> (JSON Schema 2020-12), evaluated by a real validator
/// (JsonSchema.Net). Relative <c>$ref</c>s between the files resolve by file location, as they do for
/// an integrator who downloads the folder.
/// </summary>
public static class PayloadSchemas
{
    private static readonly Lazy<SchemaRegistry> Registry = new(Load);

    /// <summary>Options every evaluation uses: results as a tree (see <see cref="Failures"/>), and <c>format</c> asserted (uuid, date-time, uri).</summary>
    public static EvaluationOptions Evaluation { get; } = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    /// <summary>The schema named <paramref name="name"/> (file name without <c>.schema.json</c>).</summary>
    public static JsonSchema Get(string name)
    {
        if (!ContractFiles.SchemaFiles.TryGetValue(name, out var file))
        {
            throw new ArgumentException($"no schema '{name}' in {ContractFiles.Schemas}", nameof(name));
        }

        return (JsonSchema)Registry.Value.Get(FileUri(file))!;
    }

    /// <summary>Builds a schema written inside another document (e.g. a message payload of the AsyncAPI document) against the same registry.</summary>
    public static JsonSchema Build(JsonElement schema, Uri baseUri) =>
        JsonSchema.Build(schema, new BuildOptions { SchemaRegistry = Registry.Value }, baseUri);

    /// <summary>How <paramref name="payload"/> breaks the schema <paramref name="name"/>; empty when it is valid.</summary>
    public static IReadOnlyList<SchemaViolation> Check(string name, JsonElement payload) => Check(Get(name), payload);

    /// <summary>How <paramref name="payload"/> breaks <paramref name="schema"/>; empty when it is valid.</summary>
    public static IReadOnlyList<SchemaViolation> Check(JsonSchema schema, JsonElement payload)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var result = schema.Evaluate(payload, Evaluation);
        if (result.IsValid)
        {
            return [];
        }

        var violations = Failures(result).Distinct().ToList();
        return violations.Count > 0 ? violations : [new SchemaViolation(string.Empty, "(none)", "invalid, without detail")];
    }

    /// <summary>
    /// The errors of the failing nodes only, so every line is a real reason: a subschema that passed
    /// is not descended into, nor an <c>if</c> whose condition did not hold (that only selects
    /// <c>else</c>).
    /// </summary>
    private static IEnumerable<SchemaViolation> Failures(EvaluationResults node)
    {
        if (node.IsValid || node.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            yield return new SchemaViolation(node.InstanceLocation.ToString(), keyword, message);
        }

        foreach (var violation in (node.Details ?? []).SelectMany(Failures))
        {
            yield return violation;
        }
    }

    /// <summary>Fails the test, naming each failing field, unless <paramref name="payload"/> is valid against schema <paramref name="name"/>.</summary>
    public static void AssertValid(string name, JsonElement payload, string? what = null) =>
        AssertValid(Get(name), payload, what ?? $"payload for {name}.schema.json");

    /// <summary>Fails the test, naming each failing field, unless <paramref name="payload"/> is valid against <paramref name="schema"/>.</summary>
    public static void AssertValid(JsonSchema schema, JsonElement payload, string what)
    {
        var violations = Check(schema, payload);
        if (violations.Count > 0)
        {
            Assert.Fail($"{what} breaks its schema:\n  {string.Join("\n  ", violations)}\npayload: {payload.GetRawText()}");
        }
    }

    private static SchemaRegistry Load()
    {
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };

        // Files reference each other in any order: a file not built yet is built when first referenced.
        registry.Fetch = (uri, _) => uri.IsFile && File.Exists(uri.LocalPath) ? JsonSchema.FromFile(uri.LocalPath, options, uri) : null;
        foreach (var file in ContractFiles.SchemaFiles.Values.Order(StringComparer.Ordinal))
        {
            _ = registry.Get(FileUri(file)) ?? JsonSchema.FromFile(file, options, FileUri(file));
        }

        return registry;
    }

    /// <summary>
    /// An explicit <c>file://</c> URI: one made from a bare path treats <c>#</c> as part of the file
    /// name, so <c>common.schema.json#/$defs/x</c> would resolve to a file named that.
    /// </summary>
    public static Uri FileUri(string path) => new($"file://{Path.GetFullPath(path)}");
}
