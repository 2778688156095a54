namespace Terminal.Mqtt;

/// <summary>Protocol level.</summary>
public enum MqttProtocol
{
    /// <summary>MQTT 3.1.1 (protocol level 4).</summary>
    V311 = 4,

    /// <summary>MQTT 5.0 (protocol level 5).</summary>
    V500 = 5,
}

/// <summary>Quality of service.</summary>
public enum MqttQos
{
    /// <summary>At most once.</summary>
    AtMostOnce = 0,

    /// <summary>At least once (PUBACK).</summary>
    AtLeastOnce = 1,
}

/// <summary>Connection state.</summary>
public enum MqttConnectionState
{
    /// <summary>Not connected; waiting to reconnect or stopped.</summary>
    Disconnected,

    /// <summary>TCP/TLS/CONNECT in progress.</summary>
    Connecting,

    /// <summary>CONNACK accepted.</summary>
    Connected,
}

/// <summary>An MQTT 5 user property.</summary>
/// <param name="Name">Name.</param>
/// <param name="Value">Value.</param>
public sealed record MqttUserProperty(string Name, string Value);

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

/// <summary>Outcome of a publish.</summary>
/// <param name="ReasonCode">PUBACK reason code (0 for QoS 0 and 3.1.1; 0x10 "no matching subscribers" is a success).</param>
/// <param name="ReasonString">Reason string from the broker, if any.</param>
public sealed record MqttPublishResult(int ReasonCode, string? ReasonString = null)
{
    /// <summary>Whether the broker accepted the message (reason code &lt; 0x80).</summary>
    public bool IsSuccess => ReasonCode < 0x80;
}

/// <summary>A topic filter to subscribe to on every connection.</summary>
/// <param name="TopicFilter">Filter, wildcards allowed.</param>
/// <param name="Qos">Maximum QoS.</param>
public sealed record MqttSubscription(string TopicFilter, MqttQos Qos = MqttQos.AtLeastOnce);

/// <summary>What a successful connection looks like.</summary>
/// <param name="Broker">The broker URI connected to.</param>
/// <param name="SessionPresent">CONNACK session-present flag.</param>
/// <param name="Protocol">Protocol in use.</param>
public sealed record MqttConnectedContext(Uri Broker, bool SessionPresent, MqttProtocol Protocol);

/// <summary>A state change.</summary>
/// <param name="State">The new state.</param>
/// <param name="Broker">The broker concerned, if any.</param>
/// <param name="Error">Why the connection ended or failed, if it did.</param>
public sealed class MqttConnectionStateChangedEventArgs(MqttConnectionState State, Uri? Broker, string? Error) : EventArgs
{
    /// <summary>The new state.</summary>
    public MqttConnectionState State { get; } = State;

    /// <summary>The broker concerned, if any.</summary>
    public Uri? Broker { get; } = Broker;

    /// <summary>Why the connection ended or failed, if it did.</summary>
    public string? Error { get; } = Error;

    /// <summary>The cause of a failed attempt or an ended connection (null when stopped on request).</summary>
    public MqttFailure? Failure { get; init; }

    /// <summary>
    /// On <see cref="MqttConnectionState.Disconnected"/>: how long the client now waits before its next
    /// round of attempts (every broker failed, or the connection ended); null while it goes on to the next broker.
    /// </summary>
    public TimeSpan? RetryIn { get; init; }

    /// <summary>On <see cref="MqttConnectionState.Connected"/>: the connection's protocol and session.</summary>
    public MqttConnectedContext? Session { get; init; }
}

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
