namespace Terminal.Mqtt.Transport;

/// <summary>A connection attempt failed for a reason worth telling a field engineer (TLS, refused CONNACK…).</summary>
internal sealed class MqttConnectException : Exception
{
    public MqttConnectException()
    {
    }

    public MqttConnectException(string message)
        : base(message)
    {
    }

    public MqttConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
