namespace Terminal.Mqtt;

/// <summary>TLS settings: PEM files.</summary>
/// <param name="CaFile">CA certificate(s) the server certificate must chain to.</param>
/// <param name="CertFile">Client certificate for mutual TLS, or null.</param>
/// <param name="KeyFile">Client private key for mutual TLS, or null.</param>
public sealed record MqttTlsOptions(string? CaFile, string? CertFile, string? KeyFile);

/// <summary>Client configuration.</summary>
public sealed record MqttClientOptions
{
    /// <summary>Broker URIs in order of preference: <c>mqtt://host:1883</c> or <c>mqtts://host:8883</c>.</summary>
    public required IReadOnlyList<Uri> Brokers { get; init; }

    /// <summary>Client identifier.</summary>
    public required string ClientId { get; init; }

    /// <summary>Protocol level.</summary>
    public MqttProtocol Protocol { get; init; } = MqttProtocol.V500;

    /// <summary>Keep-alive interval.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>MQTT 5 session expiry; with 3.1.1 a non-zero value means clean session off.</summary>
    public TimeSpan SessionExpiry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>User name, or null.</summary>
    public string? Username { get; init; }

    /// <summary>Password, or null.</summary>
    public string? Password { get; init; }

    /// <summary>TLS settings for <c>mqtts://</c> URIs.</summary>
    public MqttTlsOptions? Tls { get; init; }

    /// <summary>Plain TCP (<c>mqtt://</c>) is refused unless this is true.</summary>
    public bool AllowInsecure { get; init; }

    /// <summary>
    /// Composes the will message for each CONNECT; the broker publishes it if the connection is lost
    /// without a DISCONNECT. Called on the connecting thread, so it can tell the state as of that connect.
    /// </summary>
    public Func<MqttApplicationMessage>? Will { get; init; }

    /// <summary>Subscriptions made on every connection.</summary>
    public IReadOnlyList<MqttSubscription> Subscriptions { get; init; } = [];

    /// <summary>First reconnect delay (full jitter is applied).</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap of the reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for TCP, TLS and CONNACK, and for each SUBACK.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>While connected to a broker other than the first, how often the first is tried again (failback).</summary>
    public TimeSpan FailbackInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Upper bound of unacknowledged QoS 1 publishes. MQTT 5 lowers it to the broker's Receive
    /// Maximum; with 3.1.1, whose CONNACK announces none, it is the only bound.
    /// </summary>
    public int MaxInFlight { get; init; } = 20;

    /// <summary>Largest packet accepted from the broker (announced as Maximum Packet Size with MQTT 5).</summary>
    public int MaximumIncomingPacketSize { get; init; } = 1024 * 1024;
}
