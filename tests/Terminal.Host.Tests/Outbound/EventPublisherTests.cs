using System.Text;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Identity;
using Terminal.Host.Outbound;
using Terminal.Host.Systemd;
using Terminal.Host.Workers;
using Terminal.Mqtt;
using Terminal.Storage;
using Terminal.TestUtils.Waiting;

namespace Terminal.Host.Tests.Outbound;

/// <summary>
/// The buffer drained to a client whose broker answers as told: an event leaves the buffer only when
/// accepted or refused for good; a refusal about the terminal (not authorized) keeps it, and it is
/// sent again, in seq order, after the pause.
/// </summary>
public sealed class EventPublisherTests : IAsyncDisposable
{
    private const int NotAuthorized = 0x87;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly string _dir = Directory.CreateTempSubdirectory("publisher-").FullName;
    private readonly FakeTimeProvider _time = new();
    private readonly FakeMqttClient _mqtt = new();
    private EventBuffer? _buffer;
    private EventPublisher? _publisher;

    [Fact]
    public async Task NotAuthorized_KeepsTheEvents_AndSendsThemAgainInOrder_OnceAccepted()
    {
        _mqtt.Answer = _ => new MqttPublishResult(NotAuthorized, "not listed yet");
        await StartAsync(events: 3);
        Assert.True(await _mqtt.WaitForCountAsync(3, Deadline));
        await WaitForPauseAsync();

        Assert.Equal(3, _buffer!.GetStats().Pending);
        _mqtt.Answer = _ => new MqttPublishResult(0);
        _time.Advance(PublishRefusals.FirstRetry);

        Assert.True(await _mqtt.WaitForCountAsync(6, Deadline));
        await Eventually.TrueAsync(() => _buffer.GetStats().Pending == 0, Deadline, "the buffer drained");
        Assert.Equal(["1", "2", "3", "1", "2", "3"], Payloads());
    }

    [Fact]
    public async Task OneRefusedAmongAccepted_OnlyThatOneIsSentAgain()
    {
        var refusedOnce = false;
        _mqtt.Answer = m => Encoding.UTF8.GetString(m.Payload.Span) == "2" && !refusedOnce && (refusedOnce = true)
            ? new MqttPublishResult(NotAuthorized)
            : new MqttPublishResult(0);
        await StartAsync(events: 3);
        Assert.True(await _mqtt.WaitForCountAsync(3, Deadline));
        await WaitForPauseAsync();

        _time.Advance(PublishRefusals.FirstRetry);

        Assert.True(await _mqtt.WaitForCountAsync(4, Deadline));
        await Eventually.TrueAsync(() => _buffer!.GetStats().Pending == 0, Deadline, "the buffer drained");
        Assert.Equal(["1", "2", "3", "2"], Payloads());
    }

    [Theory]
    [InlineData(PublishRefusals.PayloadFormatInvalid)]
    [InlineData(PublishRefusals.TopicNameInvalid)]
    public async Task RefusedForGood_LeavesTheBuffer_AndTheNextEventStillGoesOut(int reason)
    {
        _mqtt.Answer = m => Encoding.UTF8.GetString(m.Payload.Span) == "1" ? new MqttPublishResult(reason) : new MqttPublishResult(0);
        await StartAsync(events: 2);

        await Eventually.TrueAsync(() => _buffer!.GetStats().Pending == 0, Deadline, "the buffer drained");
        Assert.Equal(["1", "2"], Payloads());
    }

    [Fact]
    public void RetryPause_DoublesFromOneSecond_UpToAMinute()
    {
        var pauses = new List<TimeSpan>();
        TimeSpan? pause = null;
        for (var i = 0; i < 8; i++)
        {
            pause = PublishRefusals.Next(pause);
            pauses.Add(pause.Value);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], pauses.Select(p => p.TotalSeconds));
    }

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.StopAsync(CancellationToken.None);
            _publisher.Dispose();
        }

        if (_buffer is not null)
        {
            await _buffer.DisposeAsync();
        }

        await _mqtt.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private List<string> Payloads() => [.. _mqtt.Published.Select(m => Encoding.UTF8.GetString(m.Payload.Span))];

    private async Task StartAsync(int events)
    {
        _buffer = await EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = _dir }, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var drafts = Enumerable.Range(0, events).Select(_ => new EventDraft("rating", false, DateTimeOffset.UnixEpoch, seq => Encoding.UTF8.GetBytes($"{seq}"))).ToList();
        await _buffer.AppendAsync(drafts, CancellationToken.None);
        var support = new WorkerSupport(
            new WorkerHeartbeats(_time),
            new FatalStop(new SystemdNotifier(SystemdEnvironment.None, NullLogger<SystemdNotifier>.Instance), new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<FatalStop>.Instance),
            _time,
            NullLoggerFactory.Instance);
        _publisher = new EventPublisher(_buffer, _mqtt, new TerminalIdentity("T-1", "H-1", "1"), support, NullLogger<EventPublisher>.Instance);
        await _publisher.StartAsync(CancellationToken.None);
    }

    /// <summary>The publisher has answered the round and waits on the fake clock for its pause.</summary>
    private Task WaitForPauseAsync() => Eventually.TrueAsync(() => _time.HasTimerDueWithin(PublishRefusals.FirstRetry), Deadline, "the publisher pausing on the fake clock");

}
