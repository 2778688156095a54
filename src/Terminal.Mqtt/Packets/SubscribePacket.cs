namespace Terminal.Mqtt.Packets;

/// <summary>SUBSCRIBE (MQTT 5 §3.8): fixed-header flags 0b0010; options carry only the maximum QoS.</summary>
internal sealed record SubscribePacket(ushort PacketId, IReadOnlyList<MqttSubscription> Subscriptions) : MqttPacket
{
    public override PacketType Type => PacketType.Subscribe;

    public void Encode(PacketWriter w, MqttProtocol protocol)
    {
        w.WriteUInt16(PacketId);
        if (protocol == MqttProtocol.V500)
        {
            PropertyCodec.Write(w, new MqttProperties());
        }

        foreach (var subscription in Subscriptions)
        {
            w.WriteString(subscription.TopicFilter);
            w.WriteByte((byte)subscription.Qos);
        }
    }

    public static SubscribePacket Decode(ref PacketReader r, MqttProtocol protocol)
    {
        var id = r.ReadUInt16();
        if (protocol == MqttProtocol.V500)
        {
            PropertyCodec.Read(ref r);
        }

        var subscriptions = new List<MqttSubscription>();
        while (r.Remaining > 0)
        {
            var filter = r.ReadString();
            var options = r.ReadByte();
            if ((options & 0x03) > 1 || (options & 0xC0) != 0)
            {
                throw new MqttProtocolException($"SUBSCRIBE options 0x{options:X2} not supported (MQTT 5 §3.8.3.1).");
            }

            subscriptions.Add(new MqttSubscription(filter, (MqttQos)(options & 0x03)));
        }

        return subscriptions.Count == 0
            ? throw new MqttProtocolException("SUBSCRIBE without a topic filter (MQTT 5 §3.8.3).")
            : new SubscribePacket(id, subscriptions);
    }
}
