namespace Terminal.Mqtt.Packets;

/// <summary>UNSUBACK (MQTT 5 §3.11): reason codes per filter; 3.1.1 carries only the packet id.</summary>
internal sealed record UnsubAckPacket(ushort PacketId, IReadOnlyList<byte> ReasonCodes) : MqttPacket
{
    public override PacketType Type => PacketType.UnsubAck;

    /// <summary>Reason string and user properties (MQTT 5 only).</summary>
    public MqttProperties Properties { get; init; } = new();

    public void Encode(PacketWriter w, MqttProtocol protocol)
    {
        if (protocol == MqttProtocol.V500)
        {
            new SubAckPacket(PacketId, ReasonCodes) { Properties = Properties }.Encode(w, protocol);
        }
        else
        {
            w.WriteUInt16(PacketId);
        }
    }

    public static UnsubAckPacket Decode(ref PacketReader r, MqttProtocol protocol)
    {
        var ack = SubAckPacket.Decode(ref r, protocol, PacketType.UnsubAck);
        if (protocol == MqttProtocol.V311 && ack.ReasonCodes.Count > 0)
        {
            throw new MqttProtocolException("UNSUBACK 3.1.1 longer than its packet identifier (3.1.1 §3.11).");
        }

        return new UnsubAckPacket(ack.PacketId, ack.ReasonCodes) { Properties = ack.Properties };
    }
}
