using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Terminal.Hardware.Board;
using Terminal.TestUtils.Contract;

namespace Terminal.Hardware.Tests.Board;

/// <summary>
/// docs/board-files.md and docs/schemas/board.schema.json describe exactly the fields BoardFile reads:
/// the fields of each object are taken from the reader itself (its "unknown field" error lists them),
/// and the schema refuses what the reader refuses wherever a schema can say so.
/// </summary>
public sealed partial class BoardFileDocsTests
{
    private const string Minimal = """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}]}""";

    /// <summary>Each object of a board file: where the docs table is, where its schema is, and a board with an unknown field in it.</summary>
    public static TheoryData<string, string, string> Objects => new()
    {
        { "Top level", "", """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"zz":1}""" },
        { "keys[]", "/$defs/key", """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2,"zz":1}]}""" },
        { "wiegand", "/$defs/wiegand", """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"wiegand":{"d0":3,"d1":4,"zz":1}}""" },
        { "buzzer", "/$defs/buzzer", """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"buzzer":{"line":3,"zz":1}}""" },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void DocsTable_AndSchema_ListTheFieldsTheReaderAccepts(string heading, string schemaPointer, string boardWithUnknownField)
    {
        var accepted = FieldsTheReaderAccepts(boardWithUnknownField);

        Assert.Equal(accepted, DocsTableFields(heading));
        Assert.Equal(accepted, SchemaProperties(schemaPointer));
    }

    [Fact]
    public void EveryObjectOfTheSchema_IsCovered()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ContractFiles.SchemaFiles["board"]));
        var objects = schema.RootElement.GetProperty("$defs").EnumerateObject().Where(d => d.Value.TryGetProperty("properties", out _)).Select(d => $"/$defs/{d.Name}").Append("");

        Assert.Equal(objects.Order(StringComparer.Ordinal), Objects.Select(o => (string)o[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ShippedBoards_AreValidAgainstTheSchema()
    {
        var files = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "board-config"), "*.json").ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => PayloadSchemas.AssertValid("board", JsonDocument.Parse(File.ReadAllText(f)).RootElement, Path.GetFileName(f)));
    }

    public static TheoryData<string> Boards => new()
    {
        Minimal,
        """{"name":"b","description":"d","chip":"c","ledsActiveLow":true,"keys":[{"name":"k5","role":"rating","level":5,"line":1,"pull":"down","activeLow":false,"led":2},{"name":"i","role":"invite","line":3,"pull":"as-is"},{"name":"p","role":"pause","line":4,"led":5},{"name":"r","role":"reason","reason":"fees","line":6,"pull":"none"}],"wiegand":{"d0":7,"d1":8,"pull":"none","formats":["34bit"]},"buzzer":{"line":9,"activeLow":true}}""",
        """{"name":"b","chip":"c","keys":[{"name":"k7","level":7,"line":1,"led":2}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":512,"led":2}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":-1,"led":2}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1.5,"led":2}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","line":1,"led":2}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2,"pull":"sideways"}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","role":"mute","level":5,"line":1,"led":2}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2,"activeLow":"yes"}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"i","role":"invite","line":3,"level":4}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2,"reason":"fees"}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"r","role":"reason","line":3}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"r","role":"reason","reason":"rude","line":3}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"i","role":"invite","line":3}]}""",
        """{"name":"b","chip":"c","keys":[]}""",
        """{"name":"","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}]}""",
        """{"name":"b","keys":[{"name":"k5","level":5,"line":1,"led":2}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"","level":5,"line":1,"led":2}]}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"wiegand":{"d0":3}}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"wiegand":{"d0":3,"d1":4,"formats":["HID"]}}""",
        """{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"buzzer":{}}""",
        """{"name":"b","chip":"c","keys":{"k5":1}}""",
    };

    [Theory]
    [MemberData(nameof(Boards))]
    public void Schema_AndReader_AgreeOnTheBoard(string board)
    {
        var reader = Refusal(board);
        var violations = PayloadSchemas.Check("board", JsonDocument.Parse(board).RootElement);

        Assert.True(
            (reader is null) == (violations.Count == 0),
            reader is null ? $"BoardFile takes {board}, the schema refuses it:\n  {string.Join("\n  ", violations)}" : $"BoardFile refuses {board} ({reader}), the schema accepts it");
    }

    [Theory]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":1}]}""")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k","level":5,"line":1,"led":2},{"name":"k","level":4,"line":3,"led":4}]}""")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"k4","level":5,"line":3,"led":4}]}""")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"i","role":"invite","line":3},{"name":"j","role":"invite","line":4}]}""")]
    public void RulesAcrossFields_AreTheReadersAlone_AndTheSchemaSaysSo(string board)
    {
        Assert.NotNull(Refusal(board));
        Assert.Empty(PayloadSchemas.Check("board", JsonDocument.Parse(board).RootElement));
        using var schema = JsonDocument.Parse(File.ReadAllText(ContractFiles.SchemaFiles["board"]));
        Assert.Contains("a line used twice", schema.RootElement.GetProperty("description").GetString()!, StringComparison.Ordinal);
    }

    private static string? Refusal(string board)
    {
        try
        {
            BoardFile.Parse(board, "board.json");
            return null;
        }
        catch (BoardFileException e)
        {
            return e.Message;
        }
    }

    /// <summary>The reader's own list of the object's fields, from its refusal of an unknown one.</summary>
    private static List<string> FieldsTheReaderAccepts(string boardWithUnknownField)
    {
        var refusal = Refusal(boardWithUnknownField) ?? throw new InvalidOperationException("an unknown field was accepted");
        var list = ExpectedFields().Match(refusal);
        Assert.True(list.Success, $"the reader's refusal no longer lists the fields: {refusal}");
        return [.. list.Groups[1].Value.Split(", ").Order(StringComparer.Ordinal)];
    }

    private static List<string> DocsTableFields(string heading)
    {
        var page = File.ReadAllText(Path.Combine(SourceDirectory(), "..", "..", "..", "docs", "board-files.md"));
        var section = Regex.Match(page, $@"^## {Regex.Escape(heading)}\n(.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(section.Success, $"docs/board-files.md has no section '## {heading}'");
        return [.. TableField().Matches(section.Groups[1].Value).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];
    }

    private static List<string> SchemaProperties(string pointer)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ContractFiles.SchemaFiles["board"]));
        var node = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(schema.RootElement, (e, part) => e.GetProperty(part));
        return [.. node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex(@"unknown field \(expected one of: ([^)]*)\)")]
    private static partial Regex ExpectedFields();

    [GeneratedRegex(@"^\| `([A-Za-z0-9]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableField();
}
