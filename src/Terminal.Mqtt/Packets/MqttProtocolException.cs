namespace Terminal.Mqtt.Packets;

/// <summary>
/// Malformed or forbidden packet (MQTT 5 §4.13): the connection is closed with this error,
/// never retried as is.
/// </summary>
internal sealed class MqttProtocolException : Exception
{
    public MqttProtocolException()
    {
    }

    public MqttProtocolException(string message)
        : base(message)
    {
    }

    public MqttProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>MQTT 5 reason code to send in DISCONNECT: 0x81 malformed packet unless said otherwise.</summary>
    public byte ReasonCode { get; init; } = 0x81;
}
