using System.Text.Json;

namespace Terminal.Docs.Tests.Schemas;

/// <summary>
/// The keywords of JSON Schema 2020-12 and where subschemas sit. A 2020-12 validator treats an
/// unknown keyword as an annotation, so a misspelt <c>minimun</c> would silently check nothing.
/// </summary>
internal static class SchemaKeywords
{
    private static readonly HashSet<string> Maps = ["$defs", "properties", "patternProperties", "dependentSchemas"];
    private static readonly HashSet<string> Lists = ["allOf", "anyOf", "oneOf", "prefixItems"];
    private static readonly HashSet<string> Single =
        ["not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];

    private static readonly HashSet<string> Values =
    [
        "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment",
        "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "maxProperties", "minProperties", "required", "dependentRequired", "format",
        "contentEncoding", "contentMediaType", "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
    ];

    /// <summary>Every key of every (sub)schema that is not a 2020-12 keyword, as a JSON Pointer.</summary>
    public static IEnumerable<string> Unknown(JsonElement schema, string at = "")
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var path = $"{at}/{keyword.Name}";
            IEnumerable<(JsonElement Schema, string Path)> children = keyword.Name switch
            {
                var k when Maps.Contains(k) => keyword.Value.EnumerateObject().Select(p => (p.Value, $"{path}/{p.Name}")),
                var k when Lists.Contains(k) => keyword.Value.EnumerateArray().Select((s, i) => (s, $"{path}/{i}")),
                var k when Single.Contains(k) => [(keyword.Value, path)],
                var k when Values.Contains(k) => [],
                _ => [(default(JsonElement), path)],
            };
            foreach (var (child, childPath) in children)
            {
                if (child.ValueKind == JsonValueKind.Undefined)
                {
                    yield return childPath;
                    continue;
                }

                foreach (var unknown in Unknown(child, childPath))
                {
                    yield return unknown;
                }
            }
        }
    }
}
