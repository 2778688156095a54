namespace Terminal.Mqtt.Packets;

/// <summary>
/// Whole packets: fixed header (type, flags, remaining length; MQTT 5 §2.1) around the body each
/// packet type encodes. Anything the specification calls malformed throws <see cref="MqttProtocolException"/>.
/// </summary>
internal static class MqttPacketCodec
{
    public static byte[] Encode(MqttPacket packet, MqttProtocol protocol)
    {
        var body = new PacketWriter();
        byte flags = 0;
        switch (packet)
        {
            case ConnectPacket p: p.Encode(body); break;
            case ConnAckPacket p: p.Encode(body, protocol); break;
            case PublishPacket p: p.Encode(body, protocol); flags = p.Flags; break;
            case PubAckPacket p: p.Encode(body, protocol); break;
            case SubscribePacket p: p.Encode(body, protocol); flags = 0x02; break;
            case SubAckPacket p: p.Encode(body, protocol); break;
            case UnsubscribePacket p: p.Encode(body, protocol); flags = 0x02; break;
            case UnsubAckPacket p: p.Encode(body, protocol); break;
            case PingReqPacket or PingRespPacket: break;
            case DisconnectPacket p: p.Encode(body, protocol); break;
            case AuthPacket p: p.Encode(body); break;
            default: throw new ArgumentException($"No encoder for {packet.Type}.", nameof(packet));
        }

        if (body.Length > VariableByteInteger.MaxValue)
        {
            throw new ArgumentException($"{packet.Type} of {body.Length} bytes is over the 268,435,455 limit (MQTT 5 §1.5.5).", nameof(packet));
        }

        var bytes = new byte[1 + VariableByteInteger.SizeOf(body.Length) + body.Length];
        bytes[0] = (byte)(((byte)packet.Type << 4) | flags);
        var offset = 1 + VariableByteInteger.Write(bytes.AsSpan(1), body.Length);
        body.Written.CopyTo(bytes.AsSpan(offset));
        return bytes;
    }

    /// <summary>Decodes one packet whose fixed header byte is <paramref name="header"/> and whose body (the remaining length) is <paramref name="body"/>.</summary>
    public static MqttPacket Decode(byte header, ReadOnlySpan<byte> body, MqttProtocol protocol)
    {
        var type = (PacketType)(header >> 4);
        var flags = (byte)(header & 0x0F);
        var expectedFlags = type is PacketType.Subscribe or PacketType.Unsubscribe or PacketType.PubRel ? 0x02 : 0x00;
        if (type != PacketType.Publish && flags != expectedFlags)
        {
            throw new MqttProtocolException($"{type}: fixed header flags 0x{flags:X} are reserved (MQTT 5 §2.1.3).");
        }

        var r = new PacketReader(body);
        MqttPacket packet = type switch
        {
            PacketType.Connect => ConnectPacket.Decode(ref r),
            PacketType.ConnAck => ConnAckPacket.Decode(ref r, protocol),
            PacketType.Publish => PublishPacket.Decode(flags, ref r, protocol),
            PacketType.PubAck => PubAckPacket.Decode(ref r, protocol),
            PacketType.Subscribe => SubscribePacket.Decode(ref r, protocol),
            PacketType.SubAck => SubAckPacket.Decode(ref r, protocol),
            PacketType.Unsubscribe => UnsubscribePacket.Decode(ref r, protocol),
            PacketType.UnsubAck => UnsubAckPacket.Decode(ref r, protocol),
            PacketType.PingReq => Empty(ref r, PingReqPacket.Instance),
            PacketType.PingResp => Empty(ref r, PingRespPacket.Instance),
            PacketType.Disconnect => DisconnectPacket.Decode(ref r, protocol),
            PacketType.Auth => AuthPacket.Decode(ref r, protocol),
            PacketType.PubRec or PacketType.PubRel or PacketType.PubComp =>
                throw new MqttProtocolException($"{type}: QoS 2 is never used by this client (MQTT 5 §4.3.3)."),
            _ => throw new MqttProtocolException($"Reserved packet type {(int)type} (MQTT 5 §2.1.2)."),
        };
        return packet;
    }

    private static MqttPacket Empty(ref PacketReader r, MqttPacket packet)
    {
        r.ExpectEnd(packet.Type.ToString());
        return packet;
    }
}
