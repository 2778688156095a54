namespace Terminal.TestUtils.Contract;

/// <summary>Where the project's contract (<c>docs/asyncapi.yaml</c>, <c>docs/schemas/</c>) is beside the test assembly.</summary>
public static class ContractFiles
{
    /// <summary>The copy of <c>docs/</c> in the test output.</summary>
    public static string Docs { get; } = Path.Combine(AppContext.BaseDirectory, "docs");

    /// <summary><c>docs/schemas/</c>.</summary>
    public static string Schemas { get; } = Path.Combine(Docs, "schemas");

    /// <summary><c>docs/asyncapi.yaml</c>.</summary>
    public static string AsyncApi { get; } = Path.Combine(Docs, "asyncapi.yaml");

    /// <summary>Every payload schema file, by name without <c>.schema.json</c> (e.g. <c>event</c>, <c>reply-status.get</c>).</summary>
    public static IReadOnlyDictionary<string, string> SchemaFiles { get; } =
        Directory.EnumerateFiles(Schemas, "*.schema.json")
            .ToDictionary(f => Path.GetFileName(f)[..^".schema.json".Length], f => f, StringComparer.Ordinal);
}
