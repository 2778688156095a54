using Terminal.Mqtt.Packets;

namespace Terminal.Mqtt.Session;

/// <summary>Which filters of a SUBSCRIBE its SUBACK refused, and why in words (MQTT 5 §3.9.3, 3.1.1 §3.9.3).</summary>
internal static class SubscriptionRefusals
{
    public static IReadOnlyList<MqttSubscriptionRefusedEventArgs> Find(Uri broker, IReadOnlyList<MqttSubscription> requested, SubAckPacket ack, MqttProtocol protocol)
    {
        var refused = new List<MqttSubscriptionRefusedEventArgs>();
        for (var i = 0; i < requested.Count; i++)
        {
            // One code per filter, in order; a short SUBACK refuses what it does not mention.
            var code = i < ack.ReasonCodes.Count ? ack.ReasonCodes[i] : (byte)0x80;
            if (code >= 0x80)
            {
                refused.Add(new MqttSubscriptionRefusedEventArgs(broker, requested[i].TopicFilter, code, Describe(code, protocol, ack.Properties.ReasonString)));
            }
        }

        return refused;
    }

    private static string Describe(byte code, MqttProtocol protocol, string? reasonString)
    {
        // 3.1.1 has one failure code and no reason string; brokers use it for ACL refusals.
        var text = protocol == MqttProtocol.V311 ? $"0x{code:X2} failure (MQTT 3.1.1 gives no reason)" : ReasonCodes.Describe(code);
        return reasonString is null ? text : $"{text} ({reasonString})";
    }
}
