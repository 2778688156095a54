using Json.Schema;

namespace Terminal.TestUtils.Contract;

/// <summary>A message of the AsyncAPI document with its payload schema, built against <c>docs/schemas/</c>.</summary>
/// <param name="Id">The message's key under <c>components/messages</c>.</param>
/// <param name="Name">Its <c>name</c>, e.g. <c>session.open</c>.</param>
/// <param name="SchemaFormat">The payload's <c>schemaFormat</c>.</param>
/// <param name="Payload">The payload schema.</param>
public sealed record AsyncApiMessage(string Id, string Name, string SchemaFormat, JsonSchema Payload);
