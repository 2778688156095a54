using System.Text;
using System.Text.Json;
using Terminal.Core.Events;
using Terminal.Core.Tests.Window;

namespace Terminal.Core.Tests.Events;

/// <summary>SPEC §5.1: the wire field names of every event type.</summary>
public sealed class EventJsonTests
{
    private static readonly string[] EnvelopeFields =
        ["v", "id", "seq", "type", "terminal", "hall", "window", "at", "clockSynced", "boot", "upMs", "staff", "data"];

    public static TheoryData<EventType, string[]> DataFields => new()
    {
        { EventType.Rating, ["session", "level", "label", "key", "reasons", "invited", "latencyMs", "case", "misuse", "count"] },
        { EventType.Session, ["session", "action", "source", "outcome", "case"] },
        { EventType.Attendance, ["card", "format", "facility", "reader", "staff", "name", "action", "duplicate"] },
        { EventType.Fault, ["code", "detail", "source"] },
    };

    private static EventData Sample(EventType type) => type switch
    {
        EventType.Rating => new RatingData
        {
            Session = "s", Level = 2, Label = "不满意", Key = "k2", Invited = true, LatencyMs = 5,
            Case = new CaseInfo("c", "i", "n", "t", "st"),
        },
        EventType.Session => new SessionData { Session = "s", Action = "opened", Source = "queue" },
        EventType.Attendance => new AttendanceData { Card = "34567", Format = "H10301", Facility = 12, Reader = "wiegand", Action = "sign-in" },
        _ => new FaultData { Code = "key-stuck", Detail = "d", Source = "k5" },
    };

    [Theory]
    [MemberData(nameof(DataFields))]
    public void Serialize_EachEventType_UsesTheSpecFieldNames(EventType type, string[] dataFields)
    {
        var envelope = new TestWindow().Factory.Create(type, "S-1034", Sample(type));

        using var json = JsonDocument.Parse(EventJson.Serialize(envelope));

        Assert.Equal(EnvelopeFields, json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(type.WireName(), json.RootElement.GetProperty("type").GetString());
        Assert.Equal(dataFields, json.RootElement.GetProperty("data").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Serialize_Case_UsesTheSpecFieldNames()
    {
        var envelope = new TestWindow().Factory.Create(EventType.Rating, null, Sample(EventType.Rating));

        using var json = JsonDocument.Parse(EventJson.Serialize(envelope));

        Assert.Equal(
            ["caseNo", "itemCode", "itemName", "ticket", "stage"],
            json.RootElement.GetProperty("data").GetProperty("case").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("staff").ValueKind);
        Assert.Equal("不满意", json.RootElement.GetProperty("data").GetProperty("label").GetString());
    }

    [Fact]
    public void Serialize_At_IsUtcWithMillisecondsAndZ()
    {
        var t = new TestWindow();
        t.Time.SetUtcNow(new DateTimeOffset(2026, 11, 21, 18, 0, 3, 120, TimeSpan.FromHours(8)));
        var envelope = t.Factory.Create(EventType.Fault, null, Sample(EventType.Fault));

        using var json = JsonDocument.Parse(EventJson.Serialize(envelope));

        Assert.Equal("2026-11-21T10:00:03.120Z", json.RootElement.GetProperty("at").GetString());
    }

    [Theory]
    [MemberData(nameof(DataFields))]
    public void Deserialize_OfSerialize_GivesTheSameWireForm(EventType type, string[] dataFields)
    {
        Assert.NotEmpty(dataFields);
        var bytes = EventJson.Serialize(new TestWindow().Factory.Create(type, "S-1", Sample(type)) with { Seq = 9 });

        var back = EventJson.Deserialize(bytes);

        Assert.Equal(type, back.Type);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(EventJson.Serialize(back)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"v":1,"type":"rating","data":{}}""")]
    public void Deserialize_NotAnEnvelope_Throws(string json)
    {
        Assert.ThrowsAny<JsonException>(() => EventJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }
}
