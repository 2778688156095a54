using Microsoft.Extensions.Logging;
using Terminal.Core.Identity;
using Terminal.Host.Workers;
using Terminal.Mqtt;
using Terminal.Storage;

namespace Terminal.Host.Outbound;

/// <summary>
/// Drains the buffer to <c>…/event/{type}</c> in <c>seq</c> order with QoS 1 (docs/mqtt.md#delivery): publishes
/// are pipelined (the client honours the broker's Receive Maximum), and an event leaves the buffer
/// only once its PUBACK came back, acknowledged in batches. A refused event stays in the buffer and
/// is sent again, in order, after a growing pause, unless the refusal is final (see
/// <see cref="PublishRefusals"/>).
/// </summary>
internal sealed partial class EventPublisher(
    IEventBuffer buffer,
    IMqttClient mqtt,
    TerminalIdentity identity,
    WorkerSupport support,
    ILogger<EventPublisher> logger) : SupervisedWorker("publisher", support)
{
    // Events handed to the client but not yet acknowledged; bounds memory, not the broker window.
    private const int MaxHandedOver = 512;
    private const int ReadBatch = 128;
    private readonly Queue<(long Seq, Task<MqttPublishResult> Ack)> _inFlight = new();
    private long _handedUpTo;
    private Refusal? _refused;
    private TimeSpan? _retryPause;
    private DateTimeOffset? _resumeAt;

    /// <summary>Hands over what is pending, or waits for a new event, the oldest acknowledgement or the next heartbeat.</summary>
    protected override async Task IterateAsync(CancellationToken stoppingToken)
    {
        if (_resumeAt is { } resume && resume > Time.GetUtcNow())
        {
            // Pausing after a refusal; each wait ends by the next heartbeat.
            var left = resume - Time.GetUtcNow();
            await Task.Delay(left < BeatInterval ? left : BeatInterval, Time, stoppingToken).ConfigureAwait(false);
            return;
        }

        if (_refused is null && _inFlight.Count < MaxHandedOver)
        {
            var pending = await buffer.ReadPendingAsync(_handedUpTo, Math.Min(ReadBatch, MaxHandedOver - _inFlight.Count), stoppingToken).ConfigureAwait(false);
            foreach (var stored in pending)
            {
                var message = new MqttApplicationMessage($"{identity.TopicRoot}/event/{stored.Type}", stored.Payload)
                {
                    Qos = MqttQos.AtLeastOnce,
                    ContentType = "application/json",
                };
                _inFlight.Enqueue((stored.Seq, mqtt.PublishAsync(message, stoppingToken)));
                _handedUpTo = stored.Seq;
            }

            if (pending.Count > 0)
            {
                await AcknowledgeCompletedAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
        }

        // Nothing more to hand over: wait for a new event, the oldest acknowledgement, or the next heartbeat.
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task> { Task.Delay(BeatInterval, Time, wake.Token) };
        if (_refused is null)
        {
            // After a refusal nothing new is handed over until the round has answered.
            waits.Add(buffer.WaitForPendingAfterAsync(_handedUpTo, wake.Token));
        }

        if (_inFlight.Count > 0)
        {
            waits.Add(_inFlight.Peek().Ack);
        }

        await Task.WhenAny(waits).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
        await AcknowledgeCompletedAsync(stoppingToken).ConfigureAwait(false);
    }

    private async Task AcknowledgeCompletedAsync(CancellationToken stoppingToken)
    {
        var done = new List<long>();
        while (_inFlight.Count > 0 && _inFlight.Peek().Ack.IsCompleted)
        {
            var (seq, ack) = _inFlight.Peek();
            try
            {
                var result = await ack.ConfigureAwait(false);
                if (!Accepted(seq, result.ReasonCode, result.ReasonString))
                {
                    _inFlight.Dequeue();
                    continue;
                }
            }
            catch (MqttPublishException e)
            {
                // Refused for good (e.g. larger than the broker's Maximum Packet Size): retrying
                // would block the queue forever, so it leaves the buffer with an error in the log.
                LogRefused(seq, e.ReasonCode ?? -1, e.Message);
            }
            catch (OperationCanceledException)
            {
                // Stopping: still in the buffer, published again after the restart.
                return;
            }

            _inFlight.Dequeue();
            done.Add(seq);
        }

        if (done.Count > 0)
        {
            await buffer.AcknowledgeAsync(done, stoppingToken).ConfigureAwait(false);
        }

        if (_refused is { } refused && _inFlight.Count == 0)
        {
            // Everything handed over has answered: start again from the first refused event, so the
            // events go out in seq order; those accepted meanwhile have left the buffer.
            _retryPause = PublishRefusals.Next(_retryPause);
            _resumeAt = Time.GetUtcNow() + _retryPause;
            _handedUpTo = refused.Seq - 1;
            _refused = null;
            LogWillRetry(refused.Count, refused.Seq, refused.Reason, refused.Detail, _retryPause.Value);
        }
        else if (done.Count > 0 && _refused is null)
        {
            _retryPause = null;
        }
    }

    private bool Accepted(long seq, int reason, string? detail)
    {
        if (reason < 0x80)
        {
            return true;
        }

        if (PublishRefusals.IsFinal(reason))
        {
            LogRefused(seq, reason, detail);
            return true;
        }

        _refused = _refused is { } r ? r with { Count = r.Count + 1 } : new Refusal(seq, 1, reason, detail);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Broker refused event seq {Seq} for good (reason 0x{Reason:x2}: {Detail}); it is dropped from the buffer")]
    private partial void LogRefused(long seq, int reason, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker refused {Count} event(s) from seq {Seq} (reason 0x{Reason:x2}: {Detail}); they stay in the buffer and are sent again in {Pause}")]
    private partial void LogWillRetry(int count, long seq, int reason, string? detail, TimeSpan pause);

    /// <summary>The first refused event of a round of publishes, and how many were refused.</summary>
    private sealed record Refusal(long Seq, int Count, int Reason, string? Detail);
}
