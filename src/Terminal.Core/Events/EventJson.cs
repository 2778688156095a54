using System.Text.Json;
using System.Text.Json.Serialization;

namespace Terminal.Core.Events;

/// <summary>The wire form of <see cref="EventEnvelope"/>: UTF-8 JSON, camelCase, nulls kept.</summary>
public static class EventJson
{
    /// <summary>Options used for every event payload.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes an envelope to its UTF-8 wire form.</summary>
    public static byte[] Serialize(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return JsonSerializer.SerializeToUtf8Bytes(envelope, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new EventTypeConverter());
        options.Converters.Add(new EventDataConverter());
        options.Converters.Add(new UtcMillisecondsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class EventTypeConverter : JsonConverter<EventType>
    {
        public override EventType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() switch
            {
                "rating" => EventType.Rating,
                "session" => EventType.Session,
                "attendance" => EventType.Attendance,
                "fault" => EventType.Fault,
                var other => throw new JsonException($"unknown event type '{other}'"),
            };

        public override void Write(Utf8JsonWriter writer, EventType value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.WireName());
    }

    /// <summary>Times as SPEC §5.1 writes them: UTC, millisecond precision, <c>Z</c> suffix.</summary>
    private sealed class UtcMillisecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Writes <c>data</c> as its concrete type, without a type discriminator.</summary>
    private sealed class EventDataConverter : JsonConverter<EventData>
    {
        public override EventData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("event data is read through EventEnvelope's type");

        public override void Write(Utf8JsonWriter writer, EventData value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }
}
