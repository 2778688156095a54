using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Processes;

namespace Terminal.Host.Tests.EndToEnd;

/// <summary>
/// docs/asyncapi.yaml on the wire: every command, sent to the terminal and to the hall, is answered
/// in the form its reply schema gives, and everything the terminal publishes meanwhile is valid for
/// its topic (checked by <see cref="Subscriber"/>).
/// </summary>
[Collection(EndToEndCollection.Name)]
public class ContractTests
{
    private const string Root = "eval/v1/DEV/SIM-0001";

    [Fact]
    public async Task EveryCommand_IsAnsweredInItsDocumentedForm_AndEveryMessageSeenIsValid()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await Publisher.PublishAsync(broker, "eval/v1/DEV/roster", """{"version":3,"staff":[{"staff":"S-1034","name":"张敏","title":"综合窗口","cards":["H10301:12:34567"]}]}""", retain: true);
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        using var hall = await Subscriber.StartAsync(broker, ["hall/replies/#", "eval/v1/DEV/#"]);

        await AskAsync(broker, hall, "eval/v1/DEV/cmd/session.open", """{"session":"Q-7","caseNo":"C-7","ticket":"A007"}""", "session.open");
        await AskAsync(broker, hall, $"{Root}/cmd/session.cancel", """{"session":"Q-7"}""", "session.cancel");
        var noSession = await AskAsync(broker, hall, $"{Root}/cmd/session.cancel", "{}", "session.cancel");
        Assert.Equal("no-session", noSession.Json.GetProperty("error").GetProperty("code").GetString());
        await AskAsync(broker, hall, $"{Root}/cmd/config.set", """{"rating":{"reasonTimeout":"00:00:05"}}""", "config.set");
        await AskAsync(broker, hall, $"{Root}/cmd/status.get", "{}", "status.get");
        var selfTest = await AskAsync(broker, hall, $"{Root}/cmd/selftest.run", "{}", "selftest.run", TimeSpan.FromSeconds(60));
        Assert.True(selfTest.Json.GetProperty("ok").GetBoolean(), selfTest.Json.GetRawText());
        var update = await AskAsync(broker, hall, $"{Root}/cmd/update.apply", """{"url":"http://127.0.0.1:9/terminal.deb","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","signature":"MEUCIQDvJkVZ6mQ4bUj8mF0pM2a4x2vbq3hQ8oY2m5fZl0eS9AIgVJQ9u8m4q3iZ3h8R3xv8d2u2E0hJtq3m0y1w2e3r4t5="}""", "update.apply");
        Assert.Equal("failed", update.Json.GetProperty("error").GetProperty("code").GetString());

        // MQTT 3.1.1: the reply topic and id in the payload.
        await Publisher.PublishAsync(broker, $"{Root}/cmd/status.get", """{"replyTo":"hall/replies/311","id":"s-311"}""", protocol: "311");
        var status = await hall.WaitForReplyAsync("hall/replies/311", "status.get");
        Assert.Equal("s-311", status.Json.GetProperty("id").GetString());

        await terminal.CtlJsonAsync("sim", "badge", "34567", "--facility", "12");
        await terminal.CtlJsonAsync("sim", "press", "5");
        await terminal.CtlJsonAsync("sim", "key", "pause");
        await hall.WaitForAsync("/event/attendance", 2);
        await hall.WaitForAsync("/SIM-0001/status", s => s.GetProperty("window").GetProperty("state").GetString() == "paused");
        await hall.WaitForAsync("/event/rating", 1);
        var seen = hall.Messages(string.Empty).Select(m => m.Topic).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(seen, new HashSet<string>(StringComparer.Ordinal) { "eval/v1/DEV/roster", $"{Root}/status", $"{Root}/event/session", $"{Root}/event/rating", $"{Root}/event/attendance" });
    }

    private static async Task<Subscriber.Message> AskAsync(MosquittoBroker broker, Subscriber hall, string topic, string payload, string command, TimeSpan? timeout = null)
    {
        var replyTopic = $"hall/replies/{command}/{Guid.NewGuid():N}";
        await Publisher.PublishAsync(broker, topic, payload, responseTopic: replyTopic, correlation: command);
        return await hall.WaitForReplyAsync(replyTopic, command, timeout);
    }
}
