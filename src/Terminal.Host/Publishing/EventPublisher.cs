using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Terminal.Core.Identity;
using Terminal.Mqtt;
using Terminal.Storage;

namespace Terminal.Host.Publishing;

/// <summary>
/// Drains the buffer to <c>…/event/{type}</c> in <c>seq</c> order with QoS 1 (SPEC §4): publishes
/// are pipelined (the client honours the broker's Receive Maximum), and an event leaves the buffer
/// only once its PUBACK came back, acknowledged in batches.
/// </summary>
internal sealed partial class EventPublisher(
    IEventBuffer buffer,
    IMqttClient mqtt,
    TerminalIdentity identity,
    ILogger<EventPublisher> logger) : BackgroundService
{
    // Events handed to the client but not yet acknowledged; bounds memory, not the broker window.
    private const int MaxHandedOver = 512;
    private const int ReadBatch = 128;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new Queue<(long Seq, Task<MqttPublishResult> Ack)>();
        long handedUpTo = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (inFlight.Count < MaxHandedOver)
            {
                var pending = await buffer.ReadPendingAsync(handedUpTo, Math.Min(ReadBatch, MaxHandedOver - inFlight.Count), stoppingToken).ConfigureAwait(false);
                foreach (var stored in pending)
                {
                    var message = new MqttApplicationMessage($"{identity.TopicRoot}/event/{stored.Type}", stored.Payload)
                    {
                        Qos = MqttQos.AtLeastOnce,
                        ContentType = "application/json",
                    };
                    inFlight.Enqueue((stored.Seq, mqtt.PublishAsync(message, stoppingToken)));
                    handedUpTo = stored.Seq;
                }

                if (pending.Count > 0)
                {
                    await AcknowledgeCompletedAsync(inFlight, stoppingToken).ConfigureAwait(false);
                    continue;
                }
            }

            // Nothing more to hand over: wait for a new event or the oldest acknowledgement.
            var newEvent = buffer.WaitForPendingAfterAsync(handedUpTo, stoppingToken);
            if (inFlight.Count > 0)
            {
                await Task.WhenAny(newEvent, inFlight.Peek().Ack).ConfigureAwait(false);
            }
            else
            {
                await newEvent.ConfigureAwait(false);
            }

            await AcknowledgeCompletedAsync(inFlight, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task AcknowledgeCompletedAsync(Queue<(long Seq, Task<MqttPublishResult> Ack)> inFlight, CancellationToken stoppingToken)
    {
        var done = new List<long>();
        while (inFlight.Count > 0 && inFlight.Peek().Ack.IsCompleted)
        {
            var (seq, ack) = inFlight.Dequeue();
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
