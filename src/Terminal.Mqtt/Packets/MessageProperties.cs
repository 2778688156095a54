namespace Terminal.Mqtt.Packets;

/// <summary>Maps an application message's MQTT 5 fields to and from PUBLISH/will properties (§3.3.2.3).</summary>
internal static class MessageProperties
{
    public static MqttProperties From(MqttApplicationMessage message)
    {
        var p = new MqttProperties
        {
            ResponseTopic = message.ResponseTopic,
            CorrelationData = message.CorrelationData?.ToArray(),
            ContentType = message.ContentType,
        };
        p.UserProperties.AddRange(message.UserProperties);
        return p;
    }

    public static MqttApplicationMessage Apply(MqttApplicationMessage message, MqttProperties p) => message with
    {
        ResponseTopic = p.ResponseTopic,
        CorrelationData = p.CorrelationData,
        ContentType = p.ContentType,
        UserProperties = p.UserProperties.Count == 0 ? [] : p.UserProperties.ToArray(),
    };
}
