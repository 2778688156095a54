using System.Text;
using System.Text.Json;

namespace Terminal.Core.Commands;

/// <summary>The 3.1.1 request/response fields <c>id</c> and <c>replyTo</c> of a payload (docs/mqtt.md#commands).</summary>
internal static class CommandEnvelope
{
    /// <summary>
    /// Best effort over a payload that will be refused (oversized, malformed): reads top-level
    /// <c>id</c>/<c>replyTo</c> with a forward-only reader, without building a document, and keeps
    /// what it found before the first syntax error.
    /// </summary>
    public static (JsonElement? Id, string? ReplyTo) Scan(ReadOnlySpan<byte> payload)
    {
        JsonElement? id = null;
        string? replyTo = null;
        var reader = new Utf8JsonReader(payload);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "id" && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    id = JsonElement.ParseValue(ref reader);
                }
                else if (name == "replyTo" && reader.TokenType == JsonTokenType.String)
                {
                    replyTo = ValidTopic(reader.GetString());
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Keep what was read before the error.
        }

        return (id, replyTo);
    }

    /// <summary>Reads <c>id</c> and <c>replyTo</c> of a parsed payload; wrong types are refused.</summary>
    public static (JsonElement? Id, string? ReplyTo) Read(JsonElement payload)
    {
        JsonElement? id = null;
        if (payload.TryGetProperty("id", out var idValue) && idValue.ValueKind != JsonValueKind.Null)
        {
            id = idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? idValue.Clone()
                : throw CommandRefusedException.Field($"'id' must be a string or a number, not {CommandFields.Kind(idValue)}");
        }

        string? replyTo = null;
        if (payload.TryGetProperty("replyTo", out var replyValue) && replyValue.ValueKind != JsonValueKind.Null)
        {
            replyTo = replyValue.ValueKind == JsonValueKind.String
                ? ValidTopic(replyValue.GetString()) ?? throw CommandRefusedException.Field("'replyTo' must be a topic name without wildcards")
                : throw CommandRefusedException.Field($"'replyTo' must be a string, not {CommandFields.Kind(replyValue)}");
        }

        return (id, replyTo);
    }

    /// <summary>MQTT 3.1.1 §4.7: a topic name to publish to is non-empty UTF-8 without wildcards or U+0000.</summary>
    private static string? ValidTopic(string? topic) =>
        topic is { Length: > 0 } && topic.IndexOfAny(['+', '#', '\0']) < 0 && Encoding.UTF8.GetByteCount(topic) <= ushort.MaxValue
            ? topic
            : null;
}
