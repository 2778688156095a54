using Microsoft.Extensions.Logging;
using Terminal.Mqtt.Packets;

namespace Terminal.Mqtt.Session;

/// <summary>The loops of a connection: receive, send, keep-alive, dispatch of incoming messages.</summary>
internal sealed partial class BrokerConnection
{
    private static readonly byte[] PingReq = [0xC0, 0x00];

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var packet = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (packet is null)
            {
                Close("the broker closed the connection");
                return;
            }

            Volatile.Write(ref _lastReceived, _time.GetTimestamp());
            Volatile.Write(ref _pingSentAt, 0);
            switch (packet)
            {
                case PubAckPacket ack:
                    OnPubAck(ack);
                    break;
                case PublishPacket publish:
                    _incoming.Writer.TryWrite(publish);
                    break;
                case SubAckPacket subAck when _requests.TryRemove(subAck.PacketId, out var answer):
                    answer.TrySetResult(subAck);
                    break;
                case UnsubAckPacket unsubAck when _requests.TryRemove(unsubAck.PacketId, out var answer):
                    answer.TrySetResult(new SubAckPacket(unsubAck.PacketId, unsubAck.ReasonCodes) { Properties = unsubAck.Properties });
                    break;
                case PingRespPacket or SubAckPacket or UnsubAckPacket:
                    break;
                case DisconnectPacket disconnect:
                    var why = disconnect.Properties.ReasonString is { } text ? $" ({text})" : "";
                    Close($"the broker disconnected: {ReasonCodes.Describe(disconnect.ReasonCode)}{why}");
                    return;
                case AuthPacket:
                    throw new MqttProtocolException("the broker asked for extended authentication (AUTH), which is not supported");
                default:
                    throw new MqttProtocolException($"unexpected {packet.Type} from the broker");
            }
        }
    }

    private void OnPubAck(PubAckPacket ack)
    {
        if (ack.ReasonCode == ReasonCodes.QuotaExceeded)
        {
            // MQTT 5 §4.13 leaves the reaction open: back off and resend, the event is still owed.
            var delay = _quotaBackoff.Next();
            Volatile.Write(ref _pausedUntil, _time.GetTimestamp() + (long)(delay.TotalSeconds * _time.TimestampFrequency));
            _logger.LogWarning("MQTT broker {Broker} quota exceeded (0x97); resending in {Delay}", Broker, delay);
            _queue.Requeue(ack.PacketId);
            return;
        }

        var publish = _queue.Acknowledge(ack.PacketId);
        if (publish is null)
        {
            _logger.LogDebug("MQTT PUBACK for unknown packet id {PacketId} ignored", ack.PacketId);
            return;
        }

        _quotaBackoff.Reset();
        if (ack.ReasonCode < 0x80)
        {
            publish.Completion.TrySetResult(new MqttPublishResult(ack.ReasonCode, ack.Properties.ReasonString));
            return;
        }

        var why = ack.Properties.ReasonString is { } text ? $" ({text})" : "";
        publish.Completion.TrySetException(new MqttPublishException(
            $"The broker refused the message to '{publish.Message.Topic}': {ReasonCodes.Describe(ack.ReasonCode)}{why}")
        {
            ReasonCode = ack.ReasonCode,
        });
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var pausedUntil = Volatile.Read(ref _pausedUntil);
            if (pausedUntil > 0)
            {
                var remaining = _time.GetElapsedTime(_time.GetTimestamp(), pausedUntil);
                Volatile.Write(ref _pausedUntil, 0);
                if (remaining > TimeSpan.Zero)
                {
                    await Task.Delay(remaining, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            var publish = _queue.TakeNext();
            if (publish is null)
            {
                await _queue.Changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = MqttPacketCodec.Encode(new PublishPacket(publish.Message, publish.PacketId, publish.Dup), Protocol);
            }
            catch (ArgumentException e)
            {
                _queue.Remove(publish);
                publish.Completion.TrySetException(new MqttPublishException($"The message to '{publish.Message.Topic}' cannot be encoded: {e.Message}", e));
                continue;
            }

            if (bytes.Length > MaximumPacketSize)
            {
                // MQTT 5 §3.1.2.11.4: never send what the broker said it will not take; retrying cannot help.
                _queue.Remove(publish);
                publish.Completion.TrySetException(new MqttPublishException(
                    $"The message to '{publish.Message.Topic}' is {bytes.Length} bytes, over the broker's Maximum Packet Size of {MaximumPacketSize}")
                {
                    ReasonCode = ReasonCodes.PacketTooLarge,
                });
                continue;
            }

            if (publish.Message.Qos == MqttQos.AtMostOnce)
            {
                _writer.Send(
                    bytes,
                    () => publish.Completion.TrySetResult(new MqttPublishResult(0)),
                    () => publish.Completion.TrySetException(new MqttPublishException($"The connection was lost before the QoS 0 message to '{publish.Message.Topic}' was written.")));
            }
            else
            {
                _writer.Send(bytes);
            }
        }
    }

    private async Task KeepAliveLoopAsync(CancellationToken cancellationToken)
    {
        if (KeepAlive <= TimeSpan.Zero)
        {
            return;
        }

        // Ping after 3/4 of the keep-alive without traffic either way; no answer within half of it
        // means the link is half-open (pulled cable): drop it, in at most ~1.5x the keep-alive.
        // The loop sleeps until the next moment either could be due instead of polling: traffic
        // in between only moves that moment later, found when it wakes (an idle terminal wakes
        // about twice a keep-alive, not twenty times; issue 14: idle CPU).
        var idle = KeepAlive * 0.75;
        var answerWithin = KeepAlive / 2;
        var floor = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var now = _time.GetTimestamp();
            TimeSpan wait;
            var pingSentAt = Volatile.Read(ref _pingSentAt);
            if (pingSentAt != 0)
            {
                var waited = _time.GetElapsedTime(pingSentAt, now);
                if (waited >= answerWithin)
                {
                    var silent = _time.GetElapsedTime(Volatile.Read(ref _lastReceived), now);
                    Close($"no answer from the broker for {silent.TotalSeconds:0.0} s (keep-alive {KeepAlive.TotalSeconds:0} s): connection half-open, dropped");
                    return;
                }

                wait = answerWithin - waited;
            }
            else
            {
                var received = _time.GetElapsedTime(Volatile.Read(ref _lastReceived), now);
                var written = _time.GetElapsedTime(_writer.LastWrite, now);
                var quiet = received > written ? received : written;
                if (quiet >= idle)
                {
                    Volatile.Write(ref _pingSentAt, now);
                    _writer.Send(PingReq);
                    wait = answerWithin;
                }
                else
                {
                    wait = idle - quiet;
                }
            }

            await Task.Delay(wait > floor ? wait : floor, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DispatchLoopAsync(Func<MqttApplicationMessage, CancellationToken, Task>? handler, CancellationToken cancellationToken)
    {
        await foreach (var publish in _incoming.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (handler is not null)
            {
                try
                {
                    await handler(publish.Message, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Acknowledged anyway: redelivering a message the handler cannot take would loop forever.
                    _logger.LogError(e, "MQTT message handler failed for topic {Topic}", publish.Message.Topic);
                }
            }

            if (publish.Message.Qos == MqttQos.AtLeastOnce)
            {
                _writer.Send(MqttPacketCodec.Encode(new PubAckPacket(publish.PacketId), Protocol));
            }
        }
    }
}
