namespace Terminal.Mqtt;

/// <summary>
/// A topic filter the broker refused in its SUBACK (MQTT 5 §3.9.3: reason code ≥ 0x80, e.g. 0x87
/// not authorized; MQTT 3.1.1 §3.9.3: 0x80 failure). Nothing will arrive on that filter: usually the
/// broker's ACL does not grant it to this client's identity.
/// </summary>
public sealed class MqttSubscriptionRefusedEventArgs(Uri broker, string topicFilter, int reasonCode, string reason) : EventArgs
{
    /// <summary>The broker that refused.</summary>
    public Uri Broker { get; } = broker;

    /// <summary>The refused topic filter, as subscribed.</summary>
    public string TopicFilter { get; } = topicFilter;

    /// <summary>The SUBACK reason code (0x80 and above).</summary>
    public int ReasonCode { get; } = reasonCode;

    /// <summary>The reason in words, with the broker's reason string when it sent one.</summary>
    public string Reason { get; } = reason;
}
