namespace Terminal.Mqtt.Packets;

/// <summary>PINGRESP (MQTT 5 §3.13): no variable header, no payload.</summary>
internal sealed record PingRespPacket : MqttPacket
{
    public static readonly PingRespPacket Instance = new();

    public override PacketType Type => PacketType.PingResp;
}
