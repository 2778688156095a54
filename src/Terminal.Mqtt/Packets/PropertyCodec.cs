namespace Terminal.Mqtt.Packets;

/// <summary>Encodes and decodes the property block: a variable byte length, then identifier/value pairs (MQTT 5 §2.2.2).</summary>
internal static class PropertyCodec
{
    public static void Write(PacketWriter writer, MqttProperties p)
    {
        var block = new PacketWriter();
        Byte(block, PropertyId.PayloadFormatIndicator, p.PayloadFormatIndicator);
        UInt32(block, PropertyId.MessageExpiryInterval, p.MessageExpiryInterval);
        Str(block, PropertyId.ContentType, p.ContentType);
        Str(block, PropertyId.ResponseTopic, p.ResponseTopic);
        Bin(block, PropertyId.CorrelationData, p.CorrelationData);
        foreach (var id in p.SubscriptionIdentifiers)
        {
            block.WriteByte((byte)PropertyId.SubscriptionIdentifier);
            block.WriteVariableByteInteger(id);
        }

        UInt32(block, PropertyId.SessionExpiryInterval, p.SessionExpiryInterval);
        Str(block, PropertyId.AssignedClientIdentifier, p.AssignedClientIdentifier);
        UInt16(block, PropertyId.ServerKeepAlive, p.ServerKeepAlive);
        Str(block, PropertyId.AuthenticationMethod, p.AuthenticationMethod);
        Bin(block, PropertyId.AuthenticationData, p.AuthenticationData);
        Byte(block, PropertyId.RequestProblemInformation, p.RequestProblemInformation);
        UInt32(block, PropertyId.WillDelayInterval, p.WillDelayInterval);
        Byte(block, PropertyId.RequestResponseInformation, p.RequestResponseInformation);
        Str(block, PropertyId.ResponseInformation, p.ResponseInformation);
        Str(block, PropertyId.ServerReference, p.ServerReference);
        Str(block, PropertyId.ReasonString, p.ReasonString);
        UInt16(block, PropertyId.ReceiveMaximum, p.ReceiveMaximum);
        UInt16(block, PropertyId.TopicAliasMaximum, p.TopicAliasMaximum);
        UInt16(block, PropertyId.TopicAlias, p.TopicAlias);
        Byte(block, PropertyId.MaximumQos, p.MaximumQos);
        Byte(block, PropertyId.RetainAvailable, p.RetainAvailable);
        foreach (var user in p.UserProperties)
        {
            block.WriteByte((byte)PropertyId.UserProperty);
            block.WriteString(user.Name);
            block.WriteString(user.Value);
        }

        UInt32(block, PropertyId.MaximumPacketSize, p.MaximumPacketSize);
        Byte(block, PropertyId.WildcardSubscriptionAvailable, p.WildcardSubscriptionAvailable);
        Byte(block, PropertyId.SubscriptionIdentifierAvailable, p.SubscriptionIdentifierAvailable);
        Byte(block, PropertyId.SharedSubscriptionAvailable, p.SharedSubscriptionAvailable);
        writer.WriteVariableByteInteger(block.Length);
        writer.WriteBytes(block.Written);
    }

    public static MqttProperties Read(ref PacketReader reader)
    {
        var length = reader.ReadVariableByteInteger();
        var block = new PacketReader(reader.Take(length));
        var p = new MqttProperties();
        while (block.Remaining > 0)
        {
            var id = (PropertyId)block.ReadVariableByteInteger();
            switch (id)
            {
                case PropertyId.PayloadFormatIndicator: p.PayloadFormatIndicator = block.ReadByte(); break;
                case PropertyId.MessageExpiryInterval: p.MessageExpiryInterval = block.ReadUInt32(); break;
                case PropertyId.ContentType: p.ContentType = block.ReadString(); break;
                case PropertyId.ResponseTopic: p.ResponseTopic = block.ReadString(); break;
                case PropertyId.CorrelationData: p.CorrelationData = block.ReadBinary(); break;
                case PropertyId.SubscriptionIdentifier: p.SubscriptionIdentifiers.Add(block.ReadVariableByteInteger()); break;
                case PropertyId.SessionExpiryInterval: p.SessionExpiryInterval = block.ReadUInt32(); break;
                case PropertyId.AssignedClientIdentifier: p.AssignedClientIdentifier = block.ReadString(); break;
                case PropertyId.ServerKeepAlive: p.ServerKeepAlive = block.ReadUInt16(); break;
                case PropertyId.AuthenticationMethod: p.AuthenticationMethod = block.ReadString(); break;
                case PropertyId.AuthenticationData: p.AuthenticationData = block.ReadBinary(); break;
                case PropertyId.RequestProblemInformation: p.RequestProblemInformation = block.ReadByte(); break;
                case PropertyId.WillDelayInterval: p.WillDelayInterval = block.ReadUInt32(); break;
                case PropertyId.RequestResponseInformation: p.RequestResponseInformation = block.ReadByte(); break;
                case PropertyId.ResponseInformation: p.ResponseInformation = block.ReadString(); break;
                case PropertyId.ServerReference: p.ServerReference = block.ReadString(); break;
                case PropertyId.ReasonString: p.ReasonString = block.ReadString(); break;
                case PropertyId.ReceiveMaximum: p.ReceiveMaximum = block.ReadUInt16(); break;
                case PropertyId.TopicAliasMaximum: p.TopicAliasMaximum = block.ReadUInt16(); break;
                case PropertyId.TopicAlias: p.TopicAlias = block.ReadUInt16(); break;
                case PropertyId.MaximumQos: p.MaximumQos = block.ReadByte(); break;
                case PropertyId.RetainAvailable: p.RetainAvailable = block.ReadByte(); break;
                case PropertyId.UserProperty: p.UserProperties.Add(new MqttUserProperty(block.ReadString(), block.ReadString())); break;
                case PropertyId.MaximumPacketSize: p.MaximumPacketSize = block.ReadUInt32(); break;
                case PropertyId.WildcardSubscriptionAvailable: p.WildcardSubscriptionAvailable = block.ReadByte(); break;
                case PropertyId.SubscriptionIdentifierAvailable: p.SubscriptionIdentifierAvailable = block.ReadByte(); break;
                case PropertyId.SharedSubscriptionAvailable: p.SharedSubscriptionAvailable = block.ReadByte(); break;
                default: throw new MqttProtocolException($"Unknown property identifier 0x{(int)id:X2} (MQTT 5 §2.2.2.2).");
            }
        }

        return p;
    }

    private static void Byte(PacketWriter w, PropertyId id, byte? value)
    {
        if (value is { } v)
        {
            w.WriteByte((byte)id);
            w.WriteByte(v);
        }
    }

    private static void UInt16(PacketWriter w, PropertyId id, ushort? value)
    {
        if (value is { } v)
        {
            w.WriteByte((byte)id);
            w.WriteUInt16(v);
        }
    }

    private static void UInt32(PacketWriter w, PropertyId id, uint? value)
    {
        if (value is { } v)
        {
            w.WriteByte((byte)id);
            w.WriteUInt32(v);
        }
    }

    private static void Str(PacketWriter w, PropertyId id, string? value)
    {
        if (value is not null)
        {
            w.WriteByte((byte)id);
            w.WriteString(value);
        }
    }

    private static void Bin(PacketWriter w, PropertyId id, byte[]? value)
    {
        if (value is not null)
        {
            w.WriteByte((byte)id);
            w.WriteBinary(value);
        }
    }
}
