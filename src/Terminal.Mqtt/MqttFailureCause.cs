namespace Terminal.Mqtt;

/// <summary>
/// Why a connection attempt failed or a connection ended, as a field engineer would put it. The
/// TLS causes are told apart from the exception chain (OpenSSL's alert codes) and the certificate
/// chain's status, not from message text.
/// </summary>
public enum MqttFailureCause
{
    /// <summary>Nothing answered: connection refused, no route, host name not resolved.</summary>
    Unreachable,

    /// <summary>The broker accepted TCP (and TLS) but sent no CONNACK in time.</summary>
    Timeout,

    /// <summary>The broker answered CONNACK with a refusal (user name or password, not authorized…).</summary>
    RefusedByBroker,

    /// <summary>The broker broke the MQTT protocol before CONNACK.</summary>
    ProtocolError,

    /// <summary>A connection that was up ended (closed, reset, keep-alive missed, DISCONNECT).</summary>
    ConnectionLost,

    /// <summary>The broker refused this device's certificate (TLS alert, or a reset right after the handshake).</summary>
    ClientCertificateRefused,

    /// <summary>The broker refused this device's certificate because it has expired or is not yet valid.</summary>
    ClientCertificateExpired,

    /// <summary>The broker requires a client certificate and none is configured.</summary>
    ClientCertificateMissing,

    /// <summary>The broker's certificate is not signed by the configured CA (or the system's, when none is configured).</summary>
    ServerCertificateUntrusted,

    /// <summary>The broker's certificate has expired or is not yet valid (by this device's clock).</summary>
    ServerCertificateExpired,

    /// <summary>The broker's certificate is for another host name.</summary>
    ServerCertificateWrongHost,

    /// <summary>This device's CA, certificate or key file cannot be read, is not PEM, or the key does not match.</summary>
    TlsFilesUnusable,

    /// <summary>The TLS handshake failed for another reason (protocol version, cipher…).</summary>
    TlsHandshakeFailed,
}
