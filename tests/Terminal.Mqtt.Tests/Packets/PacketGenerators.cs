using FsCheck;
using FsCheck.Fluent;
using Terminal.Mqtt.Packets;

namespace Terminal.Mqtt.Tests.Packets;

/// <summary>FsCheck generators of random packets with random field values.</summary>
internal static class PacketGenerators
{
    private static readonly char[] Chars = "abcXYZ019/_-. é名值评价器😀".ToCharArray();

    public static Gen<string> Text { get; } = Gen.ArrayOf(Gen.Elements(TextElements())).Select(parts => string.Concat(parts));

    public static Gen<string> Topic { get; } = Text.Where(t => t.Length > 0 && !t.Contains('+') && !t.Contains('#'));

    public static Gen<ushort> PacketId { get; } = Gen.Choose(1, ushort.MaxValue).Select(i => (ushort)i);

    public static Gen<byte[]> Bytes { get; } = Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i));

    public static Gen<MqttApplicationMessage> Message(MqttProtocol protocol) =>
        from topic in Topic
        from payload in Bytes
        from qos in Gen.Elements(MqttQos.AtMostOnce, MqttQos.AtLeastOnce)
        from retain in Gen.Elements(true, false)
        from responseTopic in Topic.OrNull()
        from correlation in Bytes.OrNull()
        from contentType in Text.OrNull()
        from users in Gen.ArrayOf(Text.Two().Select(p => new MqttUserProperty(p.Item1, p.Item2)))
        select protocol == MqttProtocol.V311
            ? new MqttApplicationMessage(topic, payload) { Qos = qos, Retain = retain }
            : new MqttApplicationMessage(topic, payload)
            {
                Qos = qos,
                Retain = retain,
                ResponseTopic = responseTopic,
                CorrelationData = correlation,
                ContentType = contentType,
                UserProperties = users,
            };

    public static Gen<MqttPacket> Packet(MqttProtocol protocol)
    {
        var v5 = protocol == MqttProtocol.V500;
        var reason = v5 ? Gen.Elements<byte>(0x00, 0x10, 0x80, 0x87, 0x97) : Gen.Constant<byte>(0);
        var properties = from reasonString in Text.OrNull()
                         from users in Gen.ArrayOf(Text.Two())
                         select Props(v5 ? reasonString : null, v5 ? users : []);
        var connect = from clientId in Text
                      from clean in Gen.Elements(true, false)
                      from keepAlive in Gen.Choose(0, ushort.MaxValue)
                      from user in Text.OrNull()
                      from password in Bytes.OrNull()
                      from will in Message(protocol).OrNull()
                      from expiry in Gen.Choose(0, int.MaxValue)
                      select (MqttPacket)new ConnectPacket(clientId, protocol, clean, (ushort)keepAlive)
                      {
                          Username = user,
                          Password = user is null ? null : password,
                          Will = will,
                          Properties = v5 ? new MqttProperties { SessionExpiryInterval = (uint)expiry, ReceiveMaximum = 20, MaximumPacketSize = 1 << 20 } : new(),
                      };
        var connAck = from present in Gen.Elements(true, false)
                      from code in v5 ? Gen.Elements<byte>(0, 0x86, 0x87) : Gen.Choose(0, 5).Select(i => (byte)i)
                      from max in Gen.Choose(1, ushort.MaxValue)
                      select (MqttPacket)new ConnAckPacket(present, code)
                      {
                          Properties = v5 ? new MqttProperties { ReceiveMaximum = (ushort)max, MaximumPacketSize = 4096, RetainAvailable = 1, AssignedClientIdentifier = "x" } : new(),
                      };
        var publish = from message in Message(protocol)
                      from id in PacketId
                      from dup in Gen.Elements(true, false)
                      select (MqttPacket)(message.Qos == MqttQos.AtMostOnce ? new PublishPacket(message, 0, false) : new PublishPacket(message, id, dup));
        var pubAck = from id in PacketId
                     from code in reason
                     from p in properties
                     select (MqttPacket)new PubAckPacket(id, code) { Properties = p };
        var subscribe = from id in PacketId
                        from filters in Gen.NonEmptyListOf(Text.Where(t => t.Length > 0))
                        from qos in Gen.Elements(MqttQos.AtMostOnce, MqttQos.AtLeastOnce)
                        select (MqttPacket)new SubscribePacket(id, filters.Select(f => new MqttSubscription(f, qos)).ToList());
        var subAck = from id in PacketId
                     from codes in Gen.NonEmptyListOf(Gen.Elements<byte>(0, 1, 0x80, 0x87))
                     from p in properties
                     select (MqttPacket)new SubAckPacket(id, codes.ToArray()) { Properties = p };
        var unsubscribe = from id in PacketId
                          from filters in Gen.NonEmptyListOf(Text)
                          select (MqttPacket)new UnsubscribePacket(id, filters.ToList());
        var unsubAck = from id in PacketId
                       from codes in Gen.NonEmptyListOf(Gen.Elements<byte>(0, 0x11))
                       from p in properties
                       select (MqttPacket)new UnsubAckPacket(id, v5 ? codes.ToArray() : []) { Properties = p };
        var disconnect = from code in reason
                         from p in properties
                         select (MqttPacket)new DisconnectPacket(code) { Properties = p };
        var all = new List<Gen<MqttPacket>>
        {
            connect, connAck, publish, pubAck, subscribe, subAck, unsubscribe, unsubAck, disconnect,
            Gen.Constant<MqttPacket>(PingReqPacket.Instance), Gen.Constant<MqttPacket>(PingRespPacket.Instance),
        };
        if (v5)
        {
            all.Add(from code in Gen.Elements<byte>(0, 0x18, 0x19)
                    from method in Text
                    from data in Bytes
                    select (MqttPacket)new AuthPacket(code) { Properties = new MqttProperties { AuthenticationMethod = method, AuthenticationData = data } });
        }

        return Gen.OneOf(all);
    }

    private static MqttProperties Props(string? reasonString, IEnumerable<(string, string)> users)
    {
        var p = new MqttProperties { ReasonString = reasonString };
        p.UserProperties.AddRange(users.Select(u => new MqttUserProperty(u.Item1, u.Item2)));
        return p;
    }

    private static string[] TextElements() =>
        [.. Chars.Where(c => !char.IsSurrogate(c)).Select(c => c.ToString()), "😀", "𠀀"];
}
