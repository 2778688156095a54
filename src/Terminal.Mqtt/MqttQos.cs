namespace Terminal.Mqtt;

/// <summary>Quality of service.</summary>
public enum MqttQos
{
    /// <summary>At most once.</summary>
    AtMostOnce = 0,

    /// <summary>At least once (PUBACK).</summary>
    AtLeastOnce = 1,
}
