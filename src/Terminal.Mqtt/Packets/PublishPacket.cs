namespace Terminal.Mqtt.Packets;

/// <summary>PUBLISH (MQTT 5 §3.3). QoS 2 is neither sent nor subscribed to, so it is refused on receipt.</summary>
internal sealed record PublishPacket(MqttApplicationMessage Message, ushort PacketId, bool Dup) : MqttPacket
{
    public override PacketType Type => PacketType.Publish;

    public byte Flags => (byte)((Dup ? 0x08 : 0) | ((int)Message.Qos << 1) | (Message.Retain ? 0x01 : 0));

    public void Encode(PacketWriter w, MqttProtocol protocol)
    {
        if (MqttStrings.TopicNameProblem(Message.Topic) is { } problem)
        {
            throw new ArgumentException($"Topic name {problem} (MQTT 5 §3.3.2.1).", nameof(w));
        }

        w.WriteString(Message.Topic);
        if (Message.Qos != MqttQos.AtMostOnce)
        {
            w.WriteUInt16(PacketId);
        }

        if (protocol == MqttProtocol.V500)
        {
            PropertyCodec.Write(w, MessageProperties.From(Message));
        }

        w.WriteBytes(Message.Payload.Span);
    }

    public static PublishPacket Decode(byte flags, ref PacketReader r, MqttProtocol protocol)
    {
        var qos = (flags >> 1) & 0x03;
        if (qos > 1)
        {
            throw new MqttProtocolException($"PUBLISH with QoS {qos}: only QoS 0 and 1 are subscribed to (MQTT 5 §3.3.1.2).") { ReasonCode = 0x9B };
        }

        var topic = r.ReadString();
        ushort packetId = 0;
        if (qos > 0)
        {
            packetId = r.ReadUInt16();
            if (packetId == 0)
            {
                throw new MqttProtocolException("PUBLISH QoS 1 with packet identifier 0 (MQTT 5 §2.2.1).");
            }
        }

        var properties = protocol == MqttProtocol.V500 ? PropertyCodec.Read(ref r) : new MqttProperties();
        if (properties.TopicAlias is not null)
        {
            throw new MqttProtocolException("PUBLISH with a topic alias, but Topic Alias Maximum is 0 (MQTT 5 §3.3.2.3.4).") { ReasonCode = 0x94 };
        }

        if (topic.Length == 0 || topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            throw new MqttProtocolException($"PUBLISH topic name '{topic}' is empty or has a wildcard (MQTT 5 §3.3.2.1).") { ReasonCode = 0x90 };
        }

        var message = new MqttApplicationMessage(topic, r.ReadRest().ToArray())
        {
            Qos = (MqttQos)qos,
            Retain = (flags & 0x01) != 0,
        };
        return new PublishPacket(MessageProperties.Apply(message, properties), packetId, (flags & 0x08) != 0);
    }
}
