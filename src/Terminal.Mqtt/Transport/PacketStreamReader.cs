using Terminal.Mqtt.Packets;

namespace Terminal.Mqtt.Transport;

/// <summary>
/// Cuts the byte stream into packets: fixed header, remaining length (MQTT 5 §2.1.4), body.
/// A packet over <see cref="MaximumPacketSize"/> is refused before its body is read (§3.1.2.11.4).
/// </summary>
internal sealed class PacketStreamReader(Stream stream, MqttProtocol protocol, int maximumPacketSize)
{
    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    public int MaximumPacketSize { get; } = maximumPacketSize;

    /// <summary>The next packet, or null when the peer closed the connection between packets.</summary>
    public async ValueTask<MqttPacket?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            if (available.Length >= 2 && VariableByteInteger.TryRead(available[1..], out var length, out var lengthBytes))
            {
                var total = 1 + lengthBytes + length;
                if (total > MaximumPacketSize)
                {
                    throw new MqttProtocolException($"Packet of {total} bytes is over our Maximum Packet Size {MaximumPacketSize} (MQTT 5 §3.1.2.11.4).") { ReasonCode = 0x95 };
                }

                if (available.Length >= total)
                {
                    var packet = MqttPacketCodec.Decode(available[0], available.Slice(1 + lengthBytes, length), protocol);
                    _start += total;
                    return packet;
                }

                EnsureRoom(total);
            }
            else
            {
                EnsureRoom(8);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return _end == _start ? null : throw new MqttProtocolException("Connection closed in the middle of a packet.");
            }

            _end += read;
        }
    }

    private void EnsureRoom(int packetSize)
    {
        if (_start > 0)
        {
            // Compact so the current packet starts at 0; what is left is always less than one packet.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (packetSize > _buffer.Length)
        {
            Array.Resize(ref _buffer, packetSize);
        }
        else if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }
}
