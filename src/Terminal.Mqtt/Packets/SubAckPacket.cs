namespace Terminal.Mqtt.Packets;

/// <summary>SUBACK (MQTT 5 §3.9): one reason code per filter; 0x00–0x02 is the granted QoS, ≥ 0x80 a refusal.</summary>
internal sealed record SubAckPacket(ushort PacketId, IReadOnlyList<byte> ReasonCodes) : MqttPacket
{
    public override PacketType Type => PacketType.SubAck;

    /// <summary>Reason string and user properties (MQTT 5 only).</summary>
    public MqttProperties Properties { get; init; } = new();

    public void Encode(PacketWriter w, MqttProtocol protocol)
    {
        w.WriteUInt16(PacketId);
        if (protocol == MqttProtocol.V500)
        {
            PropertyCodec.Write(w, Properties);
        }

        foreach (var code in ReasonCodes)
        {
            w.WriteByte(code);
        }
    }

    public static SubAckPacket Decode(ref PacketReader r, MqttProtocol protocol, PacketType type = PacketType.SubAck)
    {
        var id = r.ReadUInt16();
        var properties = protocol == MqttProtocol.V500 ? PropertyCodec.Read(ref r) : new MqttProperties();
        var codes = r.ReadRest().ToArray();
        if (codes.Length == 0 && (type == PacketType.SubAck || protocol == MqttProtocol.V500))
        {
            throw new MqttProtocolException($"{type} without reason codes (MQTT 5 §3.9.3).");
        }

        return new SubAckPacket(id, codes) { Properties = properties };
    }
}
