using System.Text.Json;
using Xunit;

namespace Terminal.TestUtils.Contract;

/// <summary>
/// Checks MQTT traffic against docs/asyncapi.yaml: a message on a documented topic must be the
/// message its channel carries, valid against its payload schema; a reply must be the reply its
/// command documents. Failures name the topic, the field and why.
/// </summary>
public static class MqttContract
{
    /// <summary>
    /// Validates <paramref name="payload"/> seen on <paramref name="topic"/> when a channel of the
    /// document has that topic; false (nothing checked) when none has, e.g. a requester's reply topic.
    /// </summary>
    public static bool AssertDocumented(string topic, JsonElement payload)
    {
        var operations = AsyncApiDocument.Shipped.OperationsFor(topic);
        if (operations.Count == 0)
        {
            return false;
        }

        var operation = Assert.Single(operations);
        AssertOneOf(operation.Messages, payload, $"{(operation.IsSend ? "published" : "received")} on {topic}");
        return true;
    }

    /// <summary>Fails unless <paramref name="topic"/> is one the terminal publishes on and the payload is its message.</summary>
    public static void AssertPublishedByTerminal(string topic, JsonElement payload)
    {
        var operation = AsyncApiDocument.Shipped.OperationsFor(topic).SingleOrDefault(o => o.IsSend);
        Assert.True(operation is not null, $"the terminal published on {topic}, which docs/asyncapi.yaml does not list as one it sends on");
        AssertOneOf(operation.Messages, payload, $"published on {topic}");
    }

    /// <summary>An event as published (or as <c>terminalctl sim</c> prints it) is the message of its type's topic.</summary>
    public static void AssertEventDocumented(JsonElement e) =>
        AssertPublishedByTerminal($"eval/v1/{Text(e, "hall")}/{Text(e, "terminal")}/event/{Text(e, "type")}", e);

    private static string Text(JsonElement e, string field) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : $"(no {field})";

    /// <summary>Fails unless <paramref name="payload"/> is a reply the command <paramref name="command"/> documents (an unknown command's reply is the error form).</summary>
    public static void AssertReply(string command, JsonElement payload)
    {
        var operation = AsyncApiDocument.Shipped.Operations.FirstOrDefault(o => o.Channel.Address?.EndsWith($"/cmd/{command}", StringComparison.Ordinal) == true);
        if (operation is null)
        {
            PayloadSchemas.AssertValid("reply-error", payload, $"the reply to the unknown command {command}");
            return;
        }

        AssertOneOf(operation.Reply, payload, $"the reply to {command}");
    }

    private static void AssertOneOf(IReadOnlyList<AsyncApiMessage> messages, JsonElement payload, string what)
    {
        Assert.NotEmpty(messages);
        var failures = messages.Select(m => (m.Name, Violations: PayloadSchemas.Check(m.Payload, payload))).ToList();
        if (failures.All(f => f.Violations.Count > 0))
        {
            Assert.Fail($"{what} breaks its schema:\n{string.Join("\n", failures.Select(f => $"  as {f.Name}:\n    {string.Join("\n    ", f.Violations)}"))}\npayload: {payload.GetRawText()}");
        }
    }
}
