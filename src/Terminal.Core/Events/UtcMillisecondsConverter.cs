using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Terminal.Core.Events;

/// <summary>Writes times as docs/mqtt.md#envelope shows them: UTC, milliseconds, <c>Z</c> (<c>2026-11-21T10:00:03.120Z</c>).</summary>
internal sealed class UtcMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("time must be a string"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
