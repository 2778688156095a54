namespace Terminal.Mqtt;

/// <summary>An application message, sent or received.</summary>
/// <param name="Topic">Topic name (no wildcards).</param>
/// <param name="Payload">Payload bytes.</param>
public sealed record MqttApplicationMessage(string Topic, ReadOnlyMemory<byte> Payload)
{
    /// <summary>QoS.</summary>
    public MqttQos Qos { get; init; } = MqttQos.AtLeastOnce;

    /// <summary>Retain flag.</summary>
    public bool Retain { get; init; }

    /// <summary>MQTT 5 response topic (request/response).</summary>
    public string? ResponseTopic { get; init; }

    /// <summary>MQTT 5 correlation data.</summary>
    public ReadOnlyMemory<byte>? CorrelationData { get; init; }

    /// <summary>MQTT 5 content type.</summary>
    public string? ContentType { get; init; }

    /// <summary>MQTT 5 user properties.</summary>
    public IReadOnlyList<MqttUserProperty> UserProperties { get; init; } = [];
}
