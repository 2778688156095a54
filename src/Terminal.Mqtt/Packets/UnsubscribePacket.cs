namespace Terminal.Mqtt.Packets;

/// <summary>UNSUBSCRIBE (MQTT 5 §3.10): fixed-header flags 0b0010.</summary>
internal sealed record UnsubscribePacket(ushort PacketId, IReadOnlyList<string> TopicFilters) : MqttPacket
{
    public override PacketType Type => PacketType.Unsubscribe;

    public void Encode(PacketWriter w, MqttProtocol protocol)
    {
        w.WriteUInt16(PacketId);
        if (protocol == MqttProtocol.V500)
        {
            PropertyCodec.Write(w, new MqttProperties());
        }

        foreach (var filter in TopicFilters)
        {
            w.WriteString(filter);
        }
    }

    public static UnsubscribePacket Decode(ref PacketReader r, MqttProtocol protocol)
    {
        var id = r.ReadUInt16();
        if (protocol == MqttProtocol.V500)
        {
            PropertyCodec.Read(ref r);
        }

        var filters = new List<string>();
        while (r.Remaining > 0)
        {
            filters.Add(r.ReadString());
        }

        return filters.Count == 0
            ? throw new MqttProtocolException("UNSUBSCRIBE without a topic filter (MQTT 5 §3.10.3).")
            : new UnsubscribePacket(id, filters);
    }
}
