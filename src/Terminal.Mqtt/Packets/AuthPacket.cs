namespace Terminal.Mqtt.Packets;

/// <summary>AUTH (MQTT 5 §3.15): decoded so a broker asking for extended authentication gets a clear error.</summary>
internal sealed record AuthPacket(byte ReasonCode = 0) : MqttPacket
{
    public override PacketType Type => PacketType.Auth;

    /// <summary>Authentication method and data, reason string.</summary>
    public MqttProperties Properties { get; init; } = new();

    public void Encode(PacketWriter w)
    {
        w.WriteByte(ReasonCode);
        PropertyCodec.Write(w, Properties);
    }

    public static AuthPacket Decode(ref PacketReader r, MqttProtocol protocol)
    {
        if (protocol != MqttProtocol.V500)
        {
            throw new MqttProtocolException("AUTH is an MQTT 5 packet (3.1.1 §2.2.1 reserves type 15).");
        }

        byte reason = 0;
        var properties = new MqttProperties();
        if (r.Remaining > 0)
        {
            reason = r.ReadByte();
            if (r.Remaining > 0)
            {
                properties = PropertyCodec.Read(ref r);
            }
        }

        r.ExpectEnd("AUTH");
        return new AuthPacket(reason) { Properties = properties };
    }
}
