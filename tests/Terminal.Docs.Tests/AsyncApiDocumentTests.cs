using Json.Schema;
using Terminal.TestUtils.Contract;

namespace Terminal.Docs.Tests;

/// <summary>docs/asyncapi.yaml is a valid AsyncAPI 3.0.0 document and holds together.</summary>
public sealed class AsyncApiDocumentTests
{
    private static readonly AsyncApiDocument Document = AsyncApiDocument.Shipped;

    [Fact]
    public void Document_IsValidAgainstTheOfficialAsyncApi300Schema()
    {
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "AsyncApiSchema", "asyncapi-3.0.0.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

        var violations = PayloadSchemas.Check(schema, Document.Root);

        Assert.True(violations.Count == 0, $"docs/asyncapi.yaml breaks the AsyncAPI 3.0.0 schema:\n  {string.Join("\n  ", violations)}");
    }

    [Fact]
    public void EveryPayload_IsJsonSchema202012_FromDocsSchemas()
    {
        var messages = Document.Channels.Values.SelectMany(c => c.Messages.Values).DistinctBy(m => m.Id).ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Equal("application/schema+json;version=draft-2020-12", m.SchemaFormat));
    }

    [Fact]
    public void EveryOperation_IsQos1_AndOnlyStatusAndRosterAreRetained()
    {
        Assert.All(Document.Operations, o => Assert.True(o.Qos == 1, $"{o.Id}: QoS {o.Qos}"));
        var retained = Document.Operations.Where(o => o.Retain == true).Select(o => o.Channel.Address).Order(StringComparer.Ordinal);
        Assert.Equal(["eval/v1/{hall}/roster", "eval/v1/{hall}/{terminal}/status"], retained);
        Assert.All(Document.Operations, o => Assert.NotNull(o.Retain));
    }

    [Fact]
    public void EveryCommand_IsReceivedPerTerminalAndPerHall_AndRepliedToTheRequester()
    {
        var commands = Document.Operations.Where(o => o.Channel.Address?.Contains("/cmd/", StringComparison.Ordinal) == true).ToList();

        Assert.All(commands, o =>
        {
            Assert.Equal("receive", o.Action);
            var address = o.Channel.Address!;
            var name = address[(address.LastIndexOf('/') + 1)..];
            Assert.Equal(name, Assert.Single(o.Messages).Name);
            Assert.Equal($"{name} reply", Assert.Single(o.Reply).Name);
            Assert.Equal("$message.payload#/replyTo", o.ReplyLocation);
        });
        var perTerminal = commands.Where(o => o.Channel.Address!.StartsWith("eval/v1/{hall}/{terminal}/cmd/", StringComparison.Ordinal)).Select(o => o.Messages[0].Name);
        var perHall = commands.Where(o => o.Channel.Address!.StartsWith("eval/v1/{hall}/cmd/", StringComparison.Ordinal)).Select(o => o.Messages[0].Name);
        Assert.Equal(perTerminal.Order(StringComparer.Ordinal), perHall.Order(StringComparer.Ordinal));
        Assert.Equal(commands.Count, 2 * perHall.Count());
    }

    [Fact]
    public void EverySchemaFile_IsReachedFromTheDocument_ExceptTheBoardFile()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        Collect(File.ReadAllText(Document.Path), reached);

        var unreached = ContractFiles.SchemaFiles.Keys.Where(k => !reached.Contains(k) && k != "board").Order(StringComparer.Ordinal);
        Assert.Empty(unreached);
    }

    private static void Collect(string schemaText, HashSet<string> reached)
    {
        foreach (var name in ContractFiles.SchemaFiles.Keys)
        {
            if (schemaText.Contains($"{name}.schema.json", StringComparison.Ordinal) && reached.Add(name))
            {
                Collect(File.ReadAllText(ContractFiles.SchemaFiles[name]), reached);
            }
        }
    }
}
