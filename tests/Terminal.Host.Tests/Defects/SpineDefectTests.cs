using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Commands;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Identity;
using Terminal.Core.Keys;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Host.Panel;
using Terminal.Host.Pipeline;
using Terminal.Host.Publishing;
using Terminal.Host.SelfTest;
using Terminal.Host.Tests.SelfTest.Fakes;
using Terminal.Host.Updates;
using Terminal.Mqtt;
using Terminal.Storage;
using Terminal.TestUtils.Time;

namespace Terminal.Host.Tests.Defects;

public class SpineDefectTests
{
    [Fact]
    public async Task BadRating_HeldRatingIsOnDisk_BeforeTheReasonPromptShows()
    {
        var dir = Directory.CreateTempSubdirectory("defect1-").FullName;
        await using var buffer = await EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = dir }, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var events = new EventFactory(new TerminalIdentity("T-1", "H-1", "1"), new FixedClock(true));
        var window = new ServiceWindow(WindowSettings.Default, new KeyLayout([5, 1], ["fees"]), events, TimeProvider.System);
        var journal = new WindowJournal(dir, NullLogger<WindowJournal>.Instance);
        var display = new Probe(journal.HeldRatingPath);
        var loop = new TerminalLoop(window, buffer, display, journal, NullLogger<TerminalLoop>.Instance);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => loop.RunAsync(stop.Token));

        await loop.PostAndWaitAsync("key:k1:pressed", w => w.OnKey(new KeyInput("k1", KeyRole.Rating, 1, null, KeyAction.Pressed)));
        await stop.CancelAsync();
        await run;

        Assert.True(display.ReasonPromptShown);
        Assert.True(display.HeldOnDiskWhenShown, "the reason prompt showed before the held rating was durable");
    }

    [Fact]
    public async Task ConfigSetStuckAfter_ReachesTheRunningKeys()
    {
        var dir = Directory.CreateTempSubdirectory("defect2-").FullName;
        var time = new FakeTimeProvider();
        await using var buffer = await EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = dir }, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var events = new EventFactory(new TerminalIdentity("T-1", "H-1", "1"), new FixedClock(true));
        var window = new ServiceWindow(WindowSettings.Default, new KeyLayout([5, 1], []), events, time);
        var loop = new TerminalLoop(window, buffer, new RecordingDisplay(), new WindowJournal(dir, NullLogger<WindowJournal>.Instance), NullLogger<TerminalLoop>.Instance);
        using var panel = TestBoard.Claim(new SimulatedGpioChip(TestBoard.Chip, 32));
        using var router = new EdgeRouter(TestBoard.Definition, panel, loop, events, time, NullLogger<EdgeRouter>.Instance);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => loop.RunAsync(stop.Token));

        await loop.PostAndWaitAsync("command:config.set", w => new CommandHandler(w).Handle("config.set", "{\"rating\":{\"stuckAfter\":\"00:00:30\"}}"u8).Decision);
        router.OnEdge(new EdgeEvent(0, EdgeKind.Rising, 1_000_000, 1, 1));
        time.Advance(TimeSpan.FromMilliseconds(30));
        time.Advance(TimeSpan.FromSeconds(15));
        await loop.PostAndWaitAsync("tick", w => w.OnTick());
        var at15s = await Faults(buffer);
        time.Advance(TimeSpan.FromSeconds(16));
        await loop.PostAndWaitAsync("tick", w => w.OnTick());
        var at31s = await Faults(buffer);
        await stop.CancelAsync();
        await run;

        Assert.DoesNotContain("key-stuck", at15s);
        Assert.Contains("key-stuck", at31s);
    }

    [Fact]
    public async Task SlowUpdateApply_DoesNotDelayASessionOpen()
    {
        var dir = Directory.CreateTempSubdirectory("defect3-").FullName;
        await using var buffer = await EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = dir }, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var identity = new TerminalIdentity("T-1", "H-1", "1");
        var events = new EventFactory(identity, new FixedClock(true));
        var window = new ServiceWindow(events, TimeProvider.System);
        var journal = new WindowJournal(dir, NullLogger<WindowJournal>.Instance);
        var loop = new TerminalLoop(window, buffer, new RecordingDisplay(), journal, NullLogger<TerminalLoop>.Instance);
        var key = Path.Combine(dir, "update-key.pem");
        File.WriteAllText(key, "not used: the fetch never ends");
        var fetchStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stager = new UpdateStager(dir, [key], async (_, ct) =>
        {
            fetchStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var mqtt = new RepliesClient();
        var host = new HostCommands(new StatusReporter(window, buffer, new FixedClock(true), "test", TimeProvider.System), new SelfTestRunner([], "test", TimeProvider.System, NullLogger<SelfTestRunner>.Instance), stager);
        var inbound = new InboundMessages(identity, loop, journal, host, new Lazy<IMqttClient>(mqtt), NullLogger<InboundMessages>.Instance);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => loop.RunAsync(stop.Token));

        var update = Message("update.apply", $"{{\"url\":\"http://127.0.0.1:9/p.deb\",\"sha256\":\"{new string('a', 64)}\",\"signature\":\"{Convert.ToBase64String(new byte[64])}\"}}", "reply/update");
        var open = Message("session.open", "{\"session\":\"S-1\"}", "reply/open");

        // The MQTT client dispatches one message at a time: the handler of the first is awaited before the second.
        var dispatch = Task.Run(async () =>
        {
            await inbound.HandleAsync(update, stop.Token);
            await inbound.HandleAsync(open, stop.Token);
        });
        var opened = await mqtt.WaitForReplyAsync("reply/open", TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await run;

        Assert.True(fetchStarted.Task.IsCompleted);
        Assert.NotNull(opened);
    }

    private static MqttApplicationMessage Message(string name, string json, string replyTopic) =>
        new($"eval/v1/H-1/T-1/cmd/{name}", Encoding.UTF8.GetBytes(json)) { ResponseTopic = replyTopic, CorrelationData = new byte[] { 1 } };

    private static async Task<List<string>> Faults(EventBuffer buffer)
    {
        var pending = await buffer.ReadPendingAsync(0, 1000, CancellationToken.None);
        return [.. pending.Where(e => e.Type == "fault").Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("data").GetProperty("code").GetString()!)];
    }

    private sealed class Probe(string heldPath) : IFeedbackDisplay
    {
        public bool ReasonPromptShown { get; private set; }

        public bool HeldOnDiskWhenShown { get; private set; }

        public void Show(IReadOnlyList<Cue> cues)
        {
            if (cues.Any(c => c.Kind == CueKind.ReasonPrompt))
            {
                ReasonPromptShown = true;
                HeldOnDiskWhenShown = File.Exists(heldPath);
            }
        }
    }

    private sealed class RepliesClient : IMqttClient
    {
        private readonly List<MqttApplicationMessage> _sent = [];

        public event EventHandler<MqttConnectionStateChangedEventArgs>? StateChanged { add { } remove { } }

        public MqttConnectionState State => MqttConnectionState.Connected;

        public Func<MqttConnectedContext, CancellationToken, Task>? ConnectedHandler { get; set; }

        public Func<MqttApplicationMessage, CancellationToken, Task>? MessageHandler { get; set; }

        public void Start()
        {
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<MqttPublishResult> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                _sent.Add(message);
            }

            return Task.FromResult(new MqttPublishResult(0));
        }

        public async Task<MqttApplicationMessage?> WaitForReplyAsync(string topic, TimeSpan deadline)
        {
            var until = DateTime.UtcNow + deadline;
            while (DateTime.UtcNow < until)
            {
                lock (_sent)
                {
                    if (_sent.FirstOrDefault(m => m.Topic == topic) is { } found)
                    {
                        return found;
                    }
                }

                await Task.Yield();
            }

            return null;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
