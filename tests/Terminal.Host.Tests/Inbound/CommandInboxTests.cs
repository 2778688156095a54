using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Identity;
using Terminal.Host.Inbound;
using Terminal.Host.Outbound;
using Terminal.Host.SelfTest;
using Terminal.Host.Tests.Fakes;
using Terminal.Host.Updates;
using Terminal.Mqtt;

namespace Terminal.Host.Tests.Inbound;

/// <summary>Commands from the broker through the router, the loop and the host's runner, answered on a fake client.</summary>
public sealed class CommandInboxTests : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeMqttClient _mqtt = new();
    private readonly TaskCompletionSource _fetchStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RunningLoop? _running;
    private HostCommandRunner? _runner;

    [Fact]
    public async Task SlowUpdateApply_DoesNotDelayASessionOpen()
    {
        var router = await RouterAsync();

        // The MQTT client dispatches one message at a time: each handler is awaited before the next.
        await router.HandleAsync(Message("update.apply", UpdatePayload, "reply/update"), CancellationToken.None).WaitAsync(Deadline);
        await _fetchStarted.Task.WaitAsync(Deadline);
        await router.HandleAsync(Message("session.open", """{"session":"S-1"}""", "reply/open"), CancellationToken.None).WaitAsync(Deadline);

        var opened = await _mqtt.WaitForPublishAsync("reply/open", Deadline);
        Assert.True(Reply(opened!).GetProperty("ok").GetBoolean());
        Assert.Null(_mqtt.Published.FirstOrDefault(m => m.Topic == "reply/update"));
    }

    [Fact]
    public async Task SecondUpdateApply_WhileOneRuns_IsRefusedAsBusy()
    {
        var router = await RouterAsync();

        await router.HandleAsync(Message("update.apply", UpdatePayload, "reply/first"), CancellationToken.None);
        await _fetchStarted.Task.WaitAsync(Deadline);
        await router.HandleAsync(Message("update.apply", UpdatePayload, "reply/second"), CancellationToken.None);

        var second = Reply((await _mqtt.WaitForPublishAsync("reply/second", Deadline))!);
        Assert.False(second.GetProperty("ok").GetBoolean());
        Assert.Equal("busy", second.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task StatusGet_RepliesWithTheStatusOfTheLatestSnapshot()
    {
        var router = await RouterAsync();
        await _running!.PressAsync("k5", 5);

        await router.HandleAsync(Message("status.get", """{"id":7}""", "reply/status"), CancellationToken.None);

        var status = Reply((await _mqtt.WaitForPublishAsync("reply/status", Deadline))!);
        Assert.Equal(7, status.GetProperty("id").GetInt32());
        Assert.Equal("unstaffed", status.GetProperty("status").GetProperty("window").GetProperty("state").GetString());
    }

    [Fact]
    public async Task MalformedCommand_GetsAnErrorReply_AndCommitsNothing()
    {
        var router = await RouterAsync();

        await router.HandleAsync(Message("session.open", "{not json", "reply/bad"), CancellationToken.None);

        var reply = Reply((await _mqtt.WaitForPublishAsync("reply/bad", Deadline))!);
        Assert.Equal("malformed", reply.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(await _running!.PendingAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }

        if (_running is not null)
        {
            await _running.DisposeAsync();
        }

        await _mqtt.DisposeAsync();
    }

    private static string UpdatePayload =>
        $$"""{"url":"http://127.0.0.1:9/p.deb","sha256":"{{new string('a', 64)}}","signature":"{{Convert.ToBase64String(new byte[64])}}"}""";

    private static MqttApplicationMessage Message(string name, string json, string replyTopic) =>
        new($"eval/v1/H-1/T-1/cmd/{name}", Encoding.UTF8.GetBytes(json)) { ResponseTopic = replyTopic, CorrelationData = new byte[] { 1 } };

    private static JsonElement Reply(MqttApplicationMessage message) => JsonDocument.Parse(message.Payload).RootElement;

    private async Task<InboundRouter> RouterAsync()
    {
        _running = await RunningLoop.StartAsync();
        var key = Path.Combine(_running.Directory, "update-key.pem");
        await File.WriteAllTextAsync(key, "not read: the fetch never ends");
        var stager = new UpdateStager(_running.Directory, [key], async (_, ct) =>
        {
            _fetchStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var reporter = new StatusReporter(_running.Loop.Snapshots, _running.Buffer, new FixedDeviceClock(true), "test", TimeProvider.System);
        _runner = new HostCommandRunner(reporter, new SelfTestRunner([], "test", TimeProvider.System, NullLogger<SelfTestRunner>.Instance), stager, TimeProvider.System, NullLogger<HostCommandRunner>.Instance);
        var replies = new CommandReplies(new Lazy<IMqttClient>(_mqtt), NullLogger<CommandReplies>.Instance);
        return new InboundRouter(
            new TerminalIdentity("T-1", "H-1", "1"),
            new RosterInbox(_running.Loop, NullLogger<RosterInbox>.Instance),
            new CommandInbox(_running.Loop, _runner, replies, NullLogger<CommandInbox>.Instance));
    }
}
