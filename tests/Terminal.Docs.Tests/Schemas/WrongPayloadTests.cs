using System.Text.Json;
using System.Text.Json.Nodes;
using Terminal.TestUtils.Contract;
using Xunit.Sdk;

namespace Terminal.Docs.Tests.Schemas;

/// <summary>
/// Deliberately wrong payloads: the validator catches each, and the assertion message the tests
/// print names the failing field.
/// </summary>
public sealed class WrongPayloadTests
{
    private const string Rating = """
        {"v":1,"id":"0193a5c2-7d1e-7c3a-9f10-5b2e4a1d9c77","seq":1042,"type":"rating","terminal":"T-0412","hall":"H-01","window":"12",
         "at":"2026-11-21T10:00:03.120Z","clockSynced":true,"boot":"5f0c8a4e-2b1d-4c3e-9a7f-1d2e3f4a5b6c","upMs":8123456,"staff":"S-1034",
         "data":{"session":"Q-1","level":5,"label":"非常满意","key":"k5","reasons":[],"invited":true,"latencyMs":5230,"case":null,"misuse":null,"count":1}}
        """;

    private const string Attendance = """
        {"v":1,"id":"0193a5c2-7d1e-7c3a-9f10-5b2e4a1d9c77","seq":7,"type":"attendance","terminal":"T-0412","hall":"H-01","window":"12",
         "at":"2026-11-21T10:00:03.120Z","clockSynced":false,"boot":"unknown","upMs":0,"staff":null,
         "data":{"card":"04A1B2C3","format":"UID","facility":null,"reader":"mfrc522","staff":null,"name":null,"action":"sign-in","duplicate":false}}
        """;

    private const string Status = """
        {"state":"online","version":"0.1.0","board":"simulator","boot":"b","since":"2026-11-21T07:58:12.004Z",
         "window":{"state":"staffed","staff":"S-1034","name":"张敏"},"buffer":{"pending":2,"oldestAt":"2026-11-21T08:00:00.000Z"},"faults":["clock-unsynced"],"clockSynced":false}
        """;

    private const string Roster = """{"version":17,"staff":[{"staff":"S-1034","name":"张敏","cards":["H10301:12:34567","UID::04A1B2C3"]}]}""";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // schema, valid payload, change (JSON Pointer = JSON value, or -pointer to remove), the field the message must name
        { "event", Rating, "/data/level=7", "/data/level" },
        { "event", Rating, "-/seq", "seq" },
        { "event", Rating, "/seq=0", "/seq" },
        { "event", Rating, "/v=2", "/v" },
        { "event", Rating, "/id=\"6f9619ff-8b86-4011-b42d-00cf4fc964ff\"", "/id" },
        { "event", Rating, "/at=\"2026-11-21T10:00:03+08:00\"", "/at" },
        { "event", Rating, "/hall=\"H 01\"", "/hall" },
        { "event", Rating, "/data/label=\"满意\"", "/data" },
        { "event", Rating, "/data/reasons=[\"rude\"]", "/data/reasons/0" },
        { "event", Rating, "/data/misuse=\"again\"", "/data/misuse" },
        { "event", Rating, "/data/count=3", "/data/count" },
        { "event", Rating, "/data/extra=1", "/data/extra" },
        { "event", Rating, "/type=\"session\"", "/data" },
        { "event", Attendance, "/data/facility=12", "/data/facility" },
        { "event", Attendance, "/data/reader=\"bluetooth\"", "/data/reader" },
        { "event", Attendance, "/data/card=\"04a1b2c3\"", "/data/card" },
        { "status", Status, "/window/state=\"away\"", "/window/state" },
        { "status", Status, "/window={\"state\":\"unstaffed\",\"staff\":\"S-1034\",\"name\":null}", "/window/staff" },
        { "status", Status, "/buffer/pending=0", "/buffer/oldestAt" },
        { "status", Status, "/faults=[\"clock-unsynced\",\"clock-unsynced\"]", "/faults" },
        { "roster", Roster, "/version=-1", "/version" },
        { "roster", Roster, "/staff/0/cards/0=\"H10301:12:abc\"", "/staff/0/cards/0" },
        { "roster", Roster, "-/staff/0/staff", "staff" },
        { "command-session.open", """{"caseNo":"C-1"}""", "/caseNo=42", "/caseNo" },
        { "command-session.open", """{"caseNo":"C-1"}""", "/cazeNo=\"C-1\"", "/cazeNo" },
        { "command-config.set", """{"rating":{"cooldown":"00:00:05"}}""", "/rating/cooldown=\"forever\"", "/rating/cooldown" },
        { "command-update.apply", """{"url":"https://hall/t.deb","sha256":"0000000000000000000000000000000000000000000000000000000000000000","signature":"MEUCIQDvJkVZ6mQ4bUj8mF0pM2a4x2vbq3hQ8oY2m5fZl0eS9AIgVJQ9u8m4q3iZ3h8R3xv8d2u2E0hJtq3m0y1w2e3r4t5="}""", "/sha256=\"abc\"", "/sha256" },
        { "reply-session.open", """{"id":null,"ok":true,"session":"Q-1"}""", "-/session", "session" },
        { "reply-session.open", """{"id":7,"ok":false,"error":{"code":"invalid-field","message":"'caseNo' must be a string"}}""", "/error/code=\"oops\"", "/error/code" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WrongPayload_IsCaught_AndTheMessageNamesTheField(string schema, string valid, string change, string field)
    {
        PayloadSchemas.AssertValid(schema, Parse(valid));
        var wrong = Apply(valid, change);

        var failure = Assert.Throws<FailException>(() => PayloadSchemas.AssertValid(schema, wrong));

        Assert.Contains(field, failure.Message, StringComparison.Ordinal);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Applies <c>/pointer=json</c> (set) or <c>-/pointer</c> (remove) to a payload.</summary>
    private static JsonElement Apply(string json, string change)
    {
        var root = JsonNode.Parse(json)!;
        var remove = change.StartsWith('-');
        var (pointer, value) = remove ? (change[1..], null) : (change[..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]);
        var parts = pointer.Trim('/').Split('/');
        var parent = parts[..^1].Aggregate(root, (node, part) => node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!);
        var last = parts[^1];
        if (parent is JsonArray list)
        {
            list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = JsonNode.Parse(value!);
        }
        else if (remove)
        {
            Assert.True(parent.AsObject().Remove(last), $"{pointer} is not in the payload");
        }
        else
        {
            parent[last] = JsonNode.Parse(value!);
        }

        return JsonSerializer.SerializeToElement(root);
    }
}
