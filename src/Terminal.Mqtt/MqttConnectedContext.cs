namespace Terminal.Mqtt;

/// <summary>What a successful connection looks like.</summary>
/// <param name="Broker">The broker URI connected to.</param>
/// <param name="SessionPresent">CONNACK session-present flag.</param>
/// <param name="Protocol">Protocol in use.</param>
public sealed record MqttConnectedContext(Uri Broker, bool SessionPresent, MqttProtocol Protocol);
