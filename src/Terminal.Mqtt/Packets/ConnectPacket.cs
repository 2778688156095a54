namespace Terminal.Mqtt.Packets;

/// <summary>CONNECT (MQTT 5 §3.1, 3.1.1 §3.1).</summary>
internal sealed record ConnectPacket(string ClientId, MqttProtocol Protocol, bool CleanStart, ushort KeepAliveSeconds) : MqttPacket
{
    public override PacketType Type => PacketType.Connect;

    public string? Username { get; init; }

    public byte[]? Password { get; init; }

    public MqttApplicationMessage? Will { get; init; }

    /// <summary>Session expiry, receive maximum, maximum packet size… (MQTT 5 only).</summary>
    public MqttProperties Properties { get; init; } = new();

    public void Encode(PacketWriter w)
    {
        w.WriteString("MQTT");
        w.WriteByte((byte)Protocol);
        var flags = (byte)((Username is null ? 0 : 0x80) | (Password is null ? 0 : 0x40) | (CleanStart ? 0x02 : 0));
        if (Will is { } will)
        {
            flags |= (byte)(0x04 | ((int)will.Qos << 3) | (will.Retain ? 0x20 : 0));
        }

        w.WriteByte(flags);
        w.WriteUInt16(KeepAliveSeconds);
        if (Protocol == MqttProtocol.V500)
        {
            PropertyCodec.Write(w, Properties);
        }

        w.WriteString(ClientId);
        if (Will is { } message)
        {
            if (Protocol == MqttProtocol.V500)
            {
                PropertyCodec.Write(w, MessageProperties.From(message));
            }

            w.WriteString(message.Topic);
            w.WriteBinary(message.Payload.Span);
        }

        if (Username is not null)
        {
            w.WriteString(Username);
        }

        if (Password is not null)
        {
            w.WriteBinary(Password);
        }
    }

    public static ConnectPacket Decode(ref PacketReader r)
    {
        if (r.ReadString() != "MQTT")
        {
            throw new MqttProtocolException("CONNECT: protocol name is not MQTT.");
        }

        var level = r.ReadByte();
        if (level is not ((byte)MqttProtocol.V311 or (byte)MqttProtocol.V500))
        {
            throw new MqttProtocolException($"CONNECT: unsupported protocol level {level}.") { ReasonCode = 0x84 };
        }

        var protocol = (MqttProtocol)level;
        var flags = r.ReadByte();
        if ((flags & 0x01) != 0 || (flags & 0x18) == 0x18)
        {
            throw new MqttProtocolException("CONNECT: reserved flag set or will QoS 3 (MQTT 5 §3.1.2.3).");
        }

        var keepAlive = r.ReadUInt16();
        var properties = protocol == MqttProtocol.V500 ? PropertyCodec.Read(ref r) : new MqttProperties();
        var clientId = r.ReadString();
        MqttApplicationMessage? will = null;
        if ((flags & 0x04) != 0)
        {
            var willProperties = protocol == MqttProtocol.V500 ? PropertyCodec.Read(ref r) : new MqttProperties();
            var topic = r.ReadString();
            var payload = r.ReadBinary();
            will = MessageProperties.Apply(new MqttApplicationMessage(topic, payload), willProperties) with
            {
                Qos = (MqttQos)((flags >> 3) & 0x03),
                Retain = (flags & 0x20) != 0,
            };
        }

        var username = (flags & 0x80) != 0 ? r.ReadString() : null;
        var password = (flags & 0x40) != 0 ? r.ReadBinary() : null;
        r.ExpectEnd("CONNECT");
        return new ConnectPacket(clientId, protocol, (flags & 0x02) != 0, keepAlive)
        {
            Username = username,
            Password = password,
            Will = will,
            Properties = properties,
        };
    }
}
