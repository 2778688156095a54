namespace Terminal.Mqtt.Packets;

/// <summary>DISCONNECT (MQTT 5 §3.14); empty in 3.1.1. Reason 0x00 = normal, so the will is not published.</summary>
internal sealed record DisconnectPacket(byte ReasonCode = 0) : MqttPacket
{
    public override PacketType Type => PacketType.Disconnect;

    /// <summary>Reason string, session expiry, server reference (MQTT 5 only).</summary>
    public MqttProperties Properties { get; init; } = new();

    public void Encode(PacketWriter w, MqttProtocol protocol)
    {
        if (protocol == MqttProtocol.V500)
        {
            w.WriteByte(ReasonCode);
            PropertyCodec.Write(w, Properties);
        }
    }

    public static DisconnectPacket Decode(ref PacketReader r, MqttProtocol protocol)
    {
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

        r.ExpectEnd("DISCONNECT");
        return new DisconnectPacket(reason) { Properties = properties };
    }
}
