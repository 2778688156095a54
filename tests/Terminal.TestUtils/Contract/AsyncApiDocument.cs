using System.Text.Json;

namespace Terminal.TestUtils.Contract;

/// <summary>
/// <c>docs/asyncapi.yaml</c> read as the tests need it: channels with their topic templates,
/// the terminal's operations with QoS, retain and replies, and each message's payload schema.
/// Local <c>$ref</c>s (<c>#/components/…</c>, <c>#/channels/…</c>) are followed.
/// </summary>
public sealed class AsyncApiDocument
{
    private readonly Dictionary<string, AsyncApiMessage> _messages = new(StringComparer.Ordinal);

    private AsyncApiDocument(string path, JsonElement root)
    {
        Path = path;
        Root = root;
        Channels = root.GetProperty("channels").EnumerateObject().ToDictionary(c => c.Name, ReadChannel, StringComparer.Ordinal);
        Operations = [.. root.GetProperty("operations").EnumerateObject().Select(ReadOperation)];
    }

    /// <summary>The document as published in the test output.</summary>
    public static AsyncApiDocument Shipped { get; } = Load(ContractFiles.AsyncApi);

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>The whole document as JSON (for validation against the AsyncAPI schema).</summary>
    public JsonElement Root { get; }

    /// <summary>Channels by key.</summary>
    public IReadOnlyDictionary<string, AsyncApiChannel> Channels { get; }

    /// <summary>The terminal's operations.</summary>
    public IReadOnlyList<AsyncApiOperation> Operations { get; }

    /// <summary>Reads and parses an AsyncAPI YAML file.</summary>
    public static AsyncApiDocument Load(string path) => new(System.IO.Path.GetFullPath(path), YamlJson.Parse(File.ReadAllText(path)));

    /// <summary>The operations whose channel has a concrete topic matching <paramref name="topic"/>.</summary>
    public IReadOnlyList<AsyncApiOperation> OperationsFor(string topic) =>
        [.. Operations.Where(o => o.Channel.Matches(topic))];

    /// <summary>Follows <c>$ref</c>s inside this document until a value that is not a reference.</summary>
    public JsonElement Resolve(JsonElement element)
    {
        for (var hops = 0; element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference); hops++)
        {
            if (hops > 16)
            {
                throw new InvalidDataException($"{Path}: $ref chain too long at {reference}");
            }

            element = Pointer(reference.GetString()!);
        }

        return element;
    }

    private JsonElement Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{Path}: only local references are followed here, not {reference}");
        }

        var element = Root;
        foreach (var part in reference[2..].Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                throw new InvalidDataException($"{Path}: {reference} points nowhere");
            }
        }

        return element;
    }

    private AsyncApiChannel ReadChannel(JsonProperty channel)
    {
        var body = Resolve(channel.Value);
        var address = body.TryGetProperty("address", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        var messages = body.TryGetProperty("messages", out var m)
            ? m.EnumerateObject().ToDictionary(p => p.Name, p => Message(p.Value), StringComparer.Ordinal)
            : [];
        return new AsyncApiChannel(channel.Name, address, messages);
    }

    private AsyncApiOperation ReadOperation(JsonProperty operation)
    {
        var body = Resolve(operation.Value);
        var channelRef = body.GetProperty("channel").GetProperty("$ref").GetString()!;
        var channel = Channels[channelRef["#/channels/".Length..]];
        var messages = body.TryGetProperty("messages", out var m) ? m.EnumerateArray().Select(Message).ToList() : [.. channel.Messages.Values];
        int? qos = null;
        bool? retain = null;
        if (body.TryGetProperty("bindings", out var bindings) && Resolve(bindings).TryGetProperty("mqtt", out var mqtt))
        {
            mqtt = Resolve(mqtt);
            qos = mqtt.TryGetProperty("qos", out var q) ? q.GetInt32() : null;
            retain = mqtt.TryGetProperty("retain", out var r) ? r.GetBoolean() : null;
        }

        IReadOnlyList<AsyncApiMessage> reply = [];
        string? location = null;
        if (body.TryGetProperty("reply", out var replyElement))
        {
            var replyBody = Resolve(replyElement);
            reply = [.. replyBody.GetProperty("messages").EnumerateArray().Select(Message)];
            location = replyBody.TryGetProperty("address", out var address) ? Resolve(address).GetProperty("location").GetString() : null;
        }

        return new AsyncApiOperation(operation.Name, body.GetProperty("action").GetString()!, channel, messages, qos, retain, reply, location);
    }

    /// <summary>A message, from a reference to it (components or a channel's entry) or inline.</summary>
    private AsyncApiMessage Message(JsonElement reference)
    {
        // Resolve one hop at a time so the message keeps its component key as id.
        var id = "(inline)";
        var element = reference;
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var r))
        {
            id = r.GetString()!;
            element = Pointer(id);
        }

        if (_messages.TryGetValue(id, out var known))
        {
            return known;
        }

        var payload = Resolve(element.GetProperty("payload"));
        var format = payload.TryGetProperty("schemaFormat", out var f) ? f.GetString()! : "application/vnd.aai.asyncapi+json;version=3.0.0";
        var schema = payload.TryGetProperty("schema", out var s) ? s : payload;
        var key = id[(id.LastIndexOf('/') + 1)..];
        var message = new AsyncApiMessage(
            key,
            element.TryGetProperty("name", out var n) ? n.GetString()! : id,
            format,
            // A base URI of its own in docs/ per payload: relative $refs resolve as from asyncapi.yaml,
            // and no two payloads claim the same URI in the registry.
            PayloadSchemas.Build(schema, PayloadSchemas.FileUri($"{Path}.{key}.json")));
        _messages[id] = message;
        return message;
    }
}
