namespace Terminal.Mqtt;

/// <summary>A topic filter to subscribe to on every connection.</summary>
/// <param name="TopicFilter">Filter, wildcards allowed.</param>
/// <param name="Qos">Maximum QoS.</param>
public sealed record MqttSubscription(string TopicFilter, MqttQos Qos = MqttQos.AtLeastOnce);
