namespace Terminal.Mqtt;

/// <summary>Protocol level.</summary>
public enum MqttProtocol
{
    /// <summary>MQTT 3.1.1 (protocol level 4).</summary>
    V311 = 4,

    /// <summary>MQTT 5.0 (protocol level 5).</summary>
    V500 = 5,
}
