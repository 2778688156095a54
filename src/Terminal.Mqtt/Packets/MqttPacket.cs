namespace Terminal.Mqtt.Packets;

/// <summary>A decoded or to-be-encoded control packet.</summary>
internal abstract record MqttPacket
{
    /// <summary>The packet type of the fixed header.</summary>
    public abstract PacketType Type { get; }
}
