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

    /// <summary>
    /// Reads an envelope back from its wire form (e.g. a kept <c>ServiceWindow.HeldRating</c>);
    /// <c>data</c> is read as the type <c>type</c> names.
    /// </summary>
    /// <exception cref="JsonException">Not an event envelope.</exception>
    public static EventEnvelope Deserialize(ReadOnlySpan<byte> utf8)
    {
        var wire = JsonSerializer.Deserialize<WireEnvelope>(utf8, Options) ?? throw new JsonException("event is null");
        if (wire.Data.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("event data must be an object");
        }

        EventData? data = wire.Type switch
        {
            EventType.Rating => wire.Data.Deserialize<RatingData>(Options),
            EventType.Session => wire.Data.Deserialize<SessionData>(Options),
            EventType.Attendance => wire.Data.Deserialize<AttendanceData>(Options),
            EventType.Fault => wire.Data.Deserialize<FaultData>(Options),
            _ => null,
        };
        return new EventEnvelope
        {
            V = wire.V,
            Id = wire.Id,
            Seq = wire.Seq,
            Type = wire.Type,
            Terminal = wire.Terminal,
            Hall = wire.Hall,
            Window = wire.Window,
            At = wire.At,
            ClockSynced = wire.ClockSynced,
            Boot = wire.Boot,
            UpMs = wire.UpMs,
            Staff = wire.Staff,
            Data = data ?? throw new JsonException("event data is null"),
        };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // Reading back (Deserialize): a missing envelope field is an error, not a default.
            RespectRequiredConstructorParameters = true,
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

    /// <summary>Times as docs/mqtt.md#envelope writes them: UTC, millisecond precision, <c>Z</c> suffix.</summary>
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

    /// <summary>The envelope with <c>data</c> left as JSON until <c>type</c> is known.</summary>
    private sealed record WireEnvelope(
        int V,
        Guid Id,
        long Seq,
        EventType Type,
        string Terminal,
        string Hall,
        string Window,
        DateTimeOffset At,
        bool ClockSynced,
        string Boot,
        long UpMs,
        string? Staff,
        JsonElement Data);
}
