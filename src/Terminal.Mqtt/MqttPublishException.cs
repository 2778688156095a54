namespace Terminal.Mqtt;

/// <summary>The broker refused a publish for good.</summary>
public sealed class MqttPublishException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttPublishException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttPublishException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MqttPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Reason code, when the broker gave one.</summary>
    public int? ReasonCode { get; init; }
}
