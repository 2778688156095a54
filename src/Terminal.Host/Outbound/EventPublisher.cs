using Microsoft.Extensions.Logging;
using Terminal.Core.Identity;
using Terminal.Host.Workers;
using Terminal.Mqtt;
using Terminal.Storage;

namespace Terminal.Host.Outbound;

/// <summary>
/// Drains the buffer to <c>…/event/{type}</c> in <c>seq</c> order with QoS 1 (SPEC §4): publishes
/// are pipelined (the client honours the broker's Receive Maximum), and an event leaves the buffer
/// only once its PUBACK came back, acknowledged in batches.
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

    /// <summary>Hands over what is pending, or waits for a new event, the oldest acknowledgement or the next heartbeat.</summary>
    protected override async Task IterateAsync(CancellationToken stoppingToken)
    {
        if (_inFlight.Count < MaxHandedOver)
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
        var waits = new List<Task> { buffer.WaitForPendingAfterAsync(_handedUpTo, wake.Token), Task.Delay(BeatInterval, Time, wake.Token) };
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
                if (!result.IsSuccess)
                {
                    LogRefused(seq, result.ReasonCode, result.ReasonString);
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
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Broker refused event seq {Seq} for good (reason 0x{Reason:x2}: {Detail}); it is dropped from the buffer")]
    private partial void LogRefused(long seq, int reason, string? detail);
}
