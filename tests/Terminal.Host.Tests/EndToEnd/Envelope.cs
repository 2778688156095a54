using System.Globalization;
using System.Text.Json;
using Terminal.TestUtils.Contract;

namespace Terminal.Host.Tests.EndToEnd;

/// <summary>Checks of the event envelope of SPEC §5.1 as seen on the wire.</summary>
internal static class Envelope
{
    public static readonly string[] Fields = ["v", "id", "seq", "type", "terminal", "hall", "window", "at", "clockSynced", "boot", "upMs", "staff", "data"];
    public static readonly string[] RatingFields = ["session", "level", "label", "key", "reasons", "invited", "latencyMs", "case", "misuse", "count"];

    /// <summary>An event as published (or as <c>terminalctl sim</c> prints it) is the message of its type's topic in docs/asyncapi.yaml.</summary>
    public static void AssertDocumented(JsonElement e) => MqttContract.AssertEventDocumented(e);

    public static void AssertRating(JsonElement e, int level, string label, string key)
    {
        AssertDocumented(e);
        Assert.Equal(Fields.Order(StringComparer.Ordinal), e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1, e.GetProperty("v").GetInt32());
        Assert.Equal(7, Guid.Parse(e.GetProperty("id").GetString()!).Version);
        Assert.True(e.GetProperty("seq").GetInt64() > 0);
        Assert.Equal("rating", e.GetProperty("type").GetString());
        Assert.Equal("SIM-0001", e.GetProperty("terminal").GetString());
        Assert.Equal("DEV", e.GetProperty("hall").GetString());
        Assert.Equal("1", e.GetProperty("window").GetString());
        var at = e.GetProperty("at").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", at);
        Assert.InRange(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(e.GetProperty("clockSynced").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(), e.GetProperty("boot").GetString());
        Assert.True(e.GetProperty("upMs").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, e.GetProperty("staff").ValueKind);

        var data = e.GetProperty("data");
        Assert.Equal(RatingFields.Order(StringComparer.Ordinal), data.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrEmpty(data.GetProperty("session").GetString()));
        Assert.Equal(level, data.GetProperty("level").GetInt32());
        Assert.Equal(label, data.GetProperty("label").GetString());
        Assert.Equal(key, data.GetProperty("key").GetString());
        Assert.Equal(0, data.GetProperty("reasons").GetArrayLength());
        Assert.False(data.GetProperty("invited").GetBoolean());
        Assert.True(data.GetProperty("latencyMs").GetInt64() >= 0);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("case").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("misuse").ValueKind);
        Assert.Equal(1, data.GetProperty("count").GetInt32());
    }

    public static void AssertStrictlyIncreasing(IEnumerable<long> seqs)
    {
        var list = seqs.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            Assert.True(list[i] > list[i - 1], $"seq {list[i]} follows {list[i - 1]}: {string.Join(",", list)}");
        }
    }
}
