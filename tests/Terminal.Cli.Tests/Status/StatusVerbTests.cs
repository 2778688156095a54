using System.Text.Json;
using Terminal.Cli.Status;

namespace Terminal.Cli.Tests.Status;

public class StatusVerbTests
{
    private const string Document = """
        {"state":"online","version":"0.1.0","board":"simulator","boot":"b-1","since":"2026-11-21T09:00:00Z",
         "window":{"state":"unstaffed","staff":null,"name":null},"buffer":{"pending":3,"oldestAt":"2026-11-21T09:59:00Z"},
         "faults":[],"clockSynced":true,"connection":"connecting",
         "broker":{"state":"connecting","uri":"mqtts://hall:8883/","since":"2026-11-21T09:58:00+00:00",
                   "cause":"client-certificate-refused","error":"the broker refused this device's certificate 'CN=T-1': TLS alert 'unknown ca' from the broker [x → y]",
                   "failedAttempts":7,"nextAttemptAt":"2026-11-21T10:00:30Z"}}
        """;

    [Fact]
    public void NotConnected_ShowsSinceWhenAttemptsAndTheCauseInWords()
    {
        var lines = StatusVerb.Describe(Parse(Document)).Split(Environment.NewLine);

        Assert.Equal("state       online (broker connecting)", lines[0]);
        Assert.Equal("broker      connecting since 2026-11-21 09:58:00Z: 7 failed attempts, next attempt 2026-11-21 10:00:30Z; last tried mqtts://hall:8883/", lines[^2]);
        Assert.Equal("cause       client-certificate-refused: the broker refused this device's certificate 'CN=T-1': TLS alert 'unknown ca' from the broker [x → y]", lines[^1]);
    }

    [Fact]
    public void Connected_ShowsTheBrokerAndSinceWhen_AndNoCause()
    {
        var connected = Document
            .Replace("\"state\":\"connecting\"", "\"state\":\"connected\"", StringComparison.Ordinal)
            .Replace("\"cause\":\"client-certificate-refused\"", "\"cause\":null", StringComparison.Ordinal);

        var lines = StatusVerb.Describe(Parse(connected)).Split(Environment.NewLine);

        Assert.Equal("broker      connected to mqtts://hall:8883/ since 2026-11-21 09:58:00Z", lines[^1]);
        Assert.DoesNotContain(lines, l => l.StartsWith("cause", StringComparison.Ordinal));
    }

    [Fact]
    public void HostWithoutBrokerPart_ShowsTheRestAsBefore()
    {
        var old = JsonDocument.Parse(Document).RootElement.EnumerateObject().Where(p => p.Name != "broker")
            .ToDictionary(p => p.Name, p => p.Value);

        var lines = StatusVerb.Describe(Parse(JsonSerializer.Serialize(old))).Split(Environment.NewLine);

        Assert.Equal(7, lines.Length);
        Assert.StartsWith("since ", lines[^1], StringComparison.Ordinal);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
