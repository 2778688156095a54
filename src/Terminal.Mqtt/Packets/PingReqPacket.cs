namespace Terminal.Mqtt.Packets;

/// <summary>PINGREQ (MQTT 5 §3.12): no variable header, no payload.</summary>
internal sealed record PingReqPacket : MqttPacket
{
    public static readonly PingReqPacket Instance = new();

    public override PacketType Type => PacketType.PingReq;
}
