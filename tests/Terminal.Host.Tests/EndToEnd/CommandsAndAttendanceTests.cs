using System.Text.Json;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Processes;

namespace Terminal.Host.Tests.EndToEnd;

/// <summary>SPEC §3, §5.4 and §5.5 through a real Mosquitto, with the terminal as a separate process (issue 6).</summary>
[Collection(EndToEndCollection.Name)]
public class CommandsAndAttendanceTests
{
    private const string Root = "eval/v1/DEV/SIM-0001";

    [Fact]
    public async Task SessionOpen_WithResponseTopic_IsAnswered_AndThePressCarriesTheCase()
    {
        using var broker = StartBroker();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        using var hall = await Subscriber.StartAsync(broker, ["hall/replies/#", "eval/v1/DEV/#"]);

        await Publisher.PublishAsync(broker, $"{Root}/cmd/session.open", """{"caseNo":"C-2026-0001","itemCode":"I-7","itemName":"营业执照","ticket":"A012","stage":"done"}""", responseTopic: "hall/replies/1", correlation: "req-1");
        var reply = await hall.WaitForReplyAsync("hall/replies/1", "session.open");
        Assert.True(reply.Json.GetProperty("ok").GetBoolean(), reply.Json.GetRawText());
        var session = reply.Json.GetProperty("session").GetString();

        await terminal.CtlJsonAsync("sim", "press", "4");
        var rating = (await hall.WaitForAsync("/event/rating", r => true)).Json;
        var data = rating.GetProperty("data");
        Assert.Equal(session, data.GetProperty("session").GetString());
        Assert.True(data.GetProperty("invited").GetBoolean());
        Assert.True(data.GetProperty("latencyMs").GetInt64() > 0);
        Assert.Equal("C-2026-0001", data.GetProperty("case").GetProperty("caseNo").GetString());
        Assert.Equal("营业执照", data.GetProperty("case").GetProperty("itemName").GetString());
        Assert.Equal("A012", data.GetProperty("case").GetProperty("ticket").GetString());
        await hall.WaitForAsync("/event/session", s => s.GetProperty("data").GetProperty("outcome").GetString() == "rated");
    }

    [Fact]
    public async Task SessionWithoutPress_ClosesUnrated_AfterTheTimeout()
    {
        using var broker = StartBroker();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri, "--Terminal:Rating:SessionTimeout=00:00:05");
        using var hall = await Subscriber.StartAsync(broker, "eval/v1/DEV/#");

        // MQTT 3.1.1: the reply topic and id travel in the payload.
        await Publisher.PublishAsync(broker, $"{Root}/cmd/session.open", """{"replyTo":"eval/v1/DEV/replies","id":7,"caseNo":"C-9"}""", protocol: "311");
        var reply = await hall.WaitForReplyAsync("eval/v1/DEV/replies", "session.open");
        Assert.Equal(7, reply.Json.GetProperty("id").GetInt32());
        Assert.True(reply.Json.GetProperty("ok").GetBoolean());

        var closed = await hall.WaitForAsync("/event/session", s => s.GetProperty("data").GetProperty("action").GetString() == "closed", TimeSpan.FromSeconds(30));
        Assert.Equal("unrated", closed.Json.GetProperty("data").GetProperty("outcome").GetString());
        Assert.Equal("C-9", closed.Json.GetProperty("data").GetProperty("case").GetProperty("caseNo").GetString());
        Assert.Empty(hall.Messages("/event/rating"));
    }

    [Fact]
    public async Task TenQuickPresses_YieldOneRating_AndOneAggregatedRepeat()
    {
        using var broker = StartBroker();
        // A cooldown long enough that ten terminalctl round trips on a loaded CI machine stay inside it.
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri, "--Terminal:Rating:Cooldown=00:00:20");
        using var hall = await Subscriber.StartAsync(broker, "eval/v1/DEV/#");

        for (var i = 0; i < 10; i++)
        {
            await terminal.CtlAsync("sim", "key", "k2", "--hold-ms", "30");
        }

        var ratings = await hall.WaitForAsync("/event/rating", 2, TimeSpan.FromSeconds(60));
        Assert.Equal(2, ratings.Count);
        Assert.Equal(JsonValueKind.Null, ratings[0].Json.GetProperty("data").GetProperty("misuse").ValueKind);
        var repeat = ratings[1].Json.GetProperty("data");
        Assert.Equal("repeat", repeat.GetProperty("misuse").GetString());
        Assert.Equal(9, repeat.GetProperty("count").GetInt32());
        Assert.Equal(2, repeat.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task RosterCard_SignsIn_WithStaffAndName_AndAnOlderRosterIsIgnored()
    {
        using var broker = StartBroker();
        await Publisher.PublishAsync(broker, "eval/v1/DEV/roster", """{"version":17,"staff":[{"staff":"S-1034","name":"张敏","title":"综合窗口","cards":["H10301:12:34567"]}]}""", retain: true);
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        using var hall = await Subscriber.StartAsync(broker, "eval/v1/DEV/#");
        await terminal.Process.WaitForLineAsync(l => l.Contains("Roster version 17 cached", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the roster to be cached");

        var swipe = await terminal.CtlJsonAsync("sim", "badge", "34567", "--facility", "12");
        var attendance = Assert.Single(swipe).GetProperty("data");
        Assert.Equal("sign-in", attendance.GetProperty("action").GetString());
        Assert.Equal("S-1034", attendance.GetProperty("staff").GetString());
        Assert.Equal("张敏", attendance.GetProperty("name").GetString());
        Assert.Equal("34567", attendance.GetProperty("card").GetString());
        await hall.WaitForAsync("/SIM-0001/status", s => s.GetProperty("window").GetProperty("state").GetString() == "staffed"
            && s.GetProperty("window").GetProperty("name").GetString() == "张敏");

        await Publisher.PublishAsync(broker, "eval/v1/DEV/roster", """{"version":16,"staff":[{"staff":"S-9","name":"旧","cards":["H10301:12:11111"]}]}""", retain: true);
        await terminal.Process.WaitForLineAsync(l => l.Contains("Roster version 16 ignored", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the older roster to be ignored");
        // A different card signs the first out and itself in (SPEC §3.2); v16 was ignored, so it is unknown.
        var change = await terminal.CtlJsonAsync("sim", "badge", "11111", "--facility", "12");
        Assert.Equal(["sign-out", "sign-in"], change.Select(e => e.GetProperty("data").GetProperty("action").GetString()));
        Assert.Equal(JsonValueKind.Null, change[1].GetProperty("data").GetProperty("staff").ValueKind);
    }

    [Theory]
    [InlineData("session.open", "{not json", "malformed")]
    [InlineData("coffee.make", "{}", "unknown-command")]
    [InlineData("session.open", """{"caseNo":42}""", "invalid-field")]
    [InlineData("config.set", """{"Rating":{"Cooldown":"forever"}}""", "invalid-field")]
    public async Task BadCommand_GetsAnErrorReply_AndTheTerminalKeepsWorking(string name, string payload, string code)
    {
        using var broker = StartBroker();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        using var hall = await Subscriber.StartAsync(broker, ["hall/replies/bad"]);

        await Publisher.PublishAsync(broker, $"{Root}/cmd/{name}", payload, responseTopic: "hall/replies/bad", correlation: "c-1");
        var reply = await hall.WaitForReplyAsync("hall/replies/bad", name);
        Assert.False(reply.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(code, reply.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("error").GetProperty("message").GetString()));

        Assert.Contains(await terminal.CtlJsonAsync("sim", "press", "5"), e => e.GetProperty("type").GetString() == "rating");
    }

    [Fact]
    public async Task ConfigSet_IsAnswered_AndPersistedAsTheDataDirectoryLayer()
    {
        using var broker = StartBroker();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        using var hall = await Subscriber.StartAsync(broker, ["hall/replies/config"]);

        await Publisher.PublishAsync(broker, $"{Root}/cmd/config.set", """{"Rating":{"Cooldown":"00:00:05"}}""", responseTopic: "hall/replies/config", correlation: "c-3");
        var reply = await hall.WaitForReplyAsync("hall/replies/config", "config.set");

        Assert.True(reply.Json.GetProperty("ok").GetBoolean(), reply.Json.GetRawText());
        using var layer = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(terminal.DataDir, "settings.json")));
        var rating = layer.RootElement.GetProperty("Terminal").GetProperty("Rating");
        Assert.Equal("00:00:05", rating.GetProperty("Cooldown").GetString());
        Assert.Single(rating.EnumerateObject());
    }

    [Fact]
    public async Task OneMebibyteCommand_GetsTooLarge_AndTheTerminalKeepsWorking()
    {
        using var broker = StartBroker();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri);
        using var hall = await Subscriber.StartAsync(broker, ["hall/replies/huge"]);

        var huge = $$"""{"caseNo":"{{new string('x', 1024 * 1024)}}"}""";
        await Publisher.PublishAsync(broker, $"{Root}/cmd/session.open", huge, responseTopic: "hall/replies/huge", correlation: "c-2");
        var reply = await hall.WaitForReplyAsync("hall/replies/huge", "session.open");
        Assert.Equal("too-large", reply.Json.GetProperty("error").GetProperty("code").GetString());

        Assert.Contains(await terminal.CtlJsonAsync("sim", "press", "5"), e => e.GetProperty("type").GetString() == "rating");
    }

    private static MosquittoBroker StartBroker()
    {
        var broker = new MosquittoBroker();
        broker.Start();
        return broker;
    }
}
