namespace Terminal.Mqtt.Packets;

/// <summary>The shared layout of PUBACK-style acknowledgements: packet id, then optional reason code and properties (MQTT 5 §3.4.2).</summary>
internal static class AckCodec
{
    public static void Encode(PacketWriter w, MqttProtocol protocol, ushort packetId, byte reason, MqttProperties properties)
    {
        w.WriteUInt16(packetId);
        if (protocol != MqttProtocol.V500)
        {
            return;
        }

        var hasProperties = properties.ReasonString is not null || properties.UserProperties.Count > 0;
        if (reason != 0 || hasProperties)
        {
            w.WriteByte(reason);
            if (hasProperties)
            {
                PropertyCodec.Write(w, properties);
            }
        }
    }

    public static (ushort PacketId, byte Reason, MqttProperties Properties) Decode(ref PacketReader r, MqttProtocol protocol, string packet)
    {
        var id = r.ReadUInt16();
        if (id == 0)
        {
            throw new MqttProtocolException($"{packet} with packet identifier 0 (MQTT 5 §2.2.1).");
        }

        byte reason = 0;
        var properties = new MqttProperties();
        if (protocol == MqttProtocol.V500 && r.Remaining > 0)
        {
            reason = r.ReadByte();
            if (r.Remaining > 0)
            {
                properties = PropertyCodec.Read(ref r);
            }
        }

        r.ExpectEnd(packet);
        return (id, reason, properties);
    }
}
