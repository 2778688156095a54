namespace Terminal.Mqtt;

/// <summary>An MQTT 5 user property.</summary>
/// <param name="Name">Name.</param>
/// <param name="Value">Value.</param>
public sealed record MqttUserProperty(string Name, string Value);
