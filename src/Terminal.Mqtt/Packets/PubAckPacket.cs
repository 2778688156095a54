namespace Terminal.Mqtt.Packets;

/// <summary>PUBACK (MQTT 5 §3.4): reason code and properties may be omitted when the reason is 0x00.</summary>
internal sealed record PubAckPacket(ushort PacketId, byte ReasonCode = 0) : MqttPacket
{
    public override PacketType Type => PacketType.PubAck;

    /// <summary>Reason string and user properties (MQTT 5 only).</summary>
    public MqttProperties Properties { get; init; } = new();

    public void Encode(PacketWriter w, MqttProtocol protocol) => AckCodec.Encode(w, protocol, PacketId, ReasonCode, Properties);

    public static PubAckPacket Decode(ref PacketReader r, MqttProtocol protocol)
    {
        var (id, reason, properties) = AckCodec.Decode(ref r, protocol, "PUBACK");
        return new PubAckPacket(id, reason) { Properties = properties };
    }
}
