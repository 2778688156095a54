using System.Text.Json;
using Json.Schema;
using Terminal.TestUtils.Contract;

namespace Terminal.Docs.Tests.Schemas;

/// <summary>Every file of docs/schemas/ is a well-formed JSON Schema 2020-12 whose own examples it accepts.</summary>
public sealed class PayloadSchemaTests
{
    public static TheoryData<string> Names => [.. ContractFiles.SchemaFiles.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_IsValidAgainstThe202012Metaschema(string name)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ContractFiles.SchemaFiles[name]));

        var violations = PayloadSchemas.Check(MetaSchemas.Draft202012, schema.RootElement);

        Assert.True(violations.Count == 0, $"{name}.schema.json breaks the 2020-12 metaschema:\n  {string.Join("\n  ", violations)}");
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.False(string.IsNullOrWhiteSpace(schema.RootElement.GetProperty("title").GetString()));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_UsesOnly202012Keywords(string name)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ContractFiles.SchemaFiles[name]));

        Assert.Empty(SchemaKeywords.Unknown(schema.RootElement));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_BuildsWithEveryReferenceResolved_AndAcceptsItsExamples(string name)
    {
        var schema = PayloadSchemas.Get(name);
        using var document = JsonDocument.Parse(File.ReadAllText(ContractFiles.SchemaFiles[name]));

        var examples = document.RootElement.TryGetProperty("examples", out var list) ? list.EnumerateArray().ToList() : [];
        foreach (var example in examples)
        {
            PayloadSchemas.AssertValid(schema, example, $"the example of {name}.schema.json");
        }
    }

    [Fact]
    public void UnknownKeywords_AreFound()
    {
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"level":{"type":"integer","minimun":1}},"allOf":[{"requierd":["a"]}]}""");

        Assert.Equal(["/properties/level/minimun", "/allOf/0/requierd"], SchemaKeywords.Unknown(schema.RootElement));
    }
}
