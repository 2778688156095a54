namespace Terminal.Mqtt.Packets;

/// <summary>CONNACK (MQTT 5 §3.2). With 3.1.1 the reason code is the return code 0–5 (3.1.1 §3.2.2.3).</summary>
internal sealed record ConnAckPacket(bool SessionPresent, byte ReasonCode) : MqttPacket
{
    public override PacketType Type => PacketType.ConnAck;

    /// <summary>Receive maximum, maximum packet size, assigned client id… (MQTT 5 only).</summary>
    public MqttProperties Properties { get; init; } = new();

    public void Encode(PacketWriter w, MqttProtocol protocol)
    {
        w.WriteByte(SessionPresent ? (byte)1 : (byte)0);
        w.WriteByte(ReasonCode);
        if (protocol == MqttProtocol.V500)
        {
            PropertyCodec.Write(w, Properties);
        }
    }

    public static ConnAckPacket Decode(ref PacketReader r, MqttProtocol protocol)
    {
        var ackFlags = r.ReadByte();
        if ((ackFlags & 0xFE) != 0)
        {
            throw new MqttProtocolException("CONNACK: reserved acknowledge flags set (MQTT 5 §3.2.2.1).");
        }

        var reason = r.ReadByte();
        var properties = protocol == MqttProtocol.V500 && r.Remaining > 0 ? PropertyCodec.Read(ref r) : new MqttProperties();
        r.ExpectEnd("CONNACK");
        return new ConnAckPacket((ackFlags & 1) != 0, reason) { Properties = properties };
    }
}
