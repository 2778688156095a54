using System.Text.Json;

namespace Terminal.PowerCut.Tests.Readers;

/// <summary>The fields of an attendance event's data a subscriber can check (docs/mqtt.md#attendance).</summary>
internal sealed record AttendanceSeen(string Card, string Format, int? Facility, string Reader, string? Staff, string? Name, string Action, bool Duplicate)
{
    public static AttendanceSeen Of(JsonElement envelope)
    {
        var data = envelope.GetProperty("data");
        string? Text(string name) => data.GetProperty(name).GetString();
        return new AttendanceSeen(
            Text("card")!,
            Text("format")!,
            data.GetProperty("facility").ValueKind == JsonValueKind.Null ? null : data.GetProperty("facility").GetInt32(),
            Text("reader")!,
            Text("staff"),
            Text("name"),
            Text("action")!,
            data.GetProperty("duplicate").GetBoolean());
    }
}
