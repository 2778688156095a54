using System.Text.Json;
using System.Text.Json.Nodes;
using Terminal.Core.Events;

namespace Terminal.Core.Commands;

/// <summary>
/// A command result (docs/mqtt.md#commands): <c>{"id":…, "ok":true, …}</c> or
/// <c>{"id":…, "ok":false, "error":{"code":…, "message":…}}</c>. <c>id</c> is always written
/// (null when the request had none, e.g. an MQTT 5 request that uses correlation data).
/// </summary>
public sealed record CommandResult
{
    /// <summary>The request's id, echoed.</summary>
    public JsonElement? Id { get; init; }

    /// <summary>Whether the command was carried out.</summary>
    public bool Ok { get; init; }

    /// <summary>Why not, when <see cref="Ok"/> is false.</summary>
    public CommandError? Error { get; init; }

    /// <summary>Further result fields for a success, e.g. <c>session</c> or <c>status</c>.</summary>
    public JsonObject? Fields { get; init; }

    /// <summary>A success with optional further fields.</summary>
    public static CommandResult Success(JsonElement? id, JsonObject? fields = null) => new() { Id = id, Ok = true, Fields = fields };

    /// <summary>A refusal.</summary>
    public static CommandResult Failure(JsonElement? id, CommandError error) => new() { Id = id, Ok = false, Error = error };

    /// <summary>The UTF-8 JSON payload to publish.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EventJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            if (Id is { } id)
            {
                id.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteBoolean("ok", Ok);
            if (Error is not null)
            {
                writer.WriteStartObject("error");
                writer.WriteString("code", Error.Code);
                writer.WriteString("message", Error.Message);
                writer.WriteEndObject();
            }

            foreach (var (name, value) in Fields ?? [])
            {
                if (name is not ("id" or "ok" or "error"))
                {
                    writer.WritePropertyName(name);
                    if (value is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        value.WriteTo(writer, EventJson.Options);
                    }
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
