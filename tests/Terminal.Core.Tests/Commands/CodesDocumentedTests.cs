using System.Reflection;
using System.Text.Json;
using Terminal.Core.Commands;
using Terminal.Core.Events;
using Terminal.TestUtils.Contract;

namespace Terminal.Core.Tests.Commands;

/// <summary>
/// The codes the terminal can send are the documented ones: every error code of a reply is in
/// reply-error.schema.json's enum and docs/mqtt.md's table, every fault code in docs/mqtt.md's.
/// </summary>
public sealed class CodesDocumentedTests
{
    private static readonly string MqttPage = File.ReadAllText(Path.Combine(ContractFiles.Docs, "mqtt.md"));

    public static TheoryData<string> ErrorCodes => [.. Constants(typeof(CommandError))];

    public static TheoryData<string> FaultCodeNames => [.. Constants(typeof(FaultCodes))];

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public void ErrorCode_IsInTheReplySchema_AndThePage(string code)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ContractFiles.SchemaFiles["reply-error"]));
        var codes = schema.RootElement.GetProperty("properties").GetProperty("error").GetProperty("properties").GetProperty("code").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString());

        Assert.Contains(code, codes);
        Assert.Contains($"| `{code}` |", MqttPage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FaultCodeNames))]
    public void FaultCode_IsInThePagesTable(string code) =>
        Assert.Matches($@"\| (`[a-z-]+`, )*`{code}`(, `[a-z-]+`)* \|", MqttPage);

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
}
