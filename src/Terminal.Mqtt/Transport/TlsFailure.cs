using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Terminal.Mqtt.Diagnostics;

namespace Terminal.Mqtt.Transport;

/// <summary>
/// Names the cause of a TLS failure from the exception chain: the broker's alert (OpenSSL error code),
/// a reset or end of stream, and what this device knows about its own certificate. Under TLS 1.3 the
/// broker judges our certificate after our side of the handshake is done, so its refusal arrives as
/// an alert or a reset on the first write or read, before CONNACK (RFC 8446 §4.4.2.4).
/// </summary>
internal static class TlsFailure
{
    /// <summary>The handshake failed; <paramref name="serverVerdict"/> is our own refusal of the broker's certificate, if that was it.</summary>
    public static MqttFailure Handshake(Exception exception, MqttFailure? serverVerdict, X509Certificate2? ours, DateTimeOffset now)
    {
        var chain = ExceptionMessages.Bracketed(exception);
        if (serverVerdict is not null)
        {
            return serverVerdict with { Description = serverVerdict.Description + chain };
        }

        if (TlsAlert.Find(exception) is { } alert)
        {
            return FromAlert(alert, ours, now, chain);
        }

        if (!IsCutOff(exception))
        {
            return new(MqttFailureCause.TlsHandshakeFailed, $"the TLS handshake failed{chain}");
        }

        return ours is null
            ? new(MqttFailureCause.ClientCertificateMissing, $"the broker closed the connection during the TLS handshake: it most likely requires a client certificate, and none is configured{chain}")
            : new(MqttFailureCause.TlsHandshakeFailed, $"the broker closed the connection during the TLS handshake (did it refuse this device's certificate {CertificateFacts.Describe(ours)}?){chain}");
    }

    /// <summary>
    /// Writing CONNECT or reading CONNACK failed (or met the end of the stream, <paramref name="exception"/> null)
    /// right after a successful handshake; null when the failure says nothing about TLS.
    /// </summary>
    public static MqttFailure? AfterHandshake(Exception? exception, X509Certificate2? ours, DateTimeOffset now)
    {
        var chain = ExceptionMessages.Bracketed(exception);
        if (TlsAlert.Find(exception) is { } alert)
        {
            return FromAlert(alert, ours, now, chain);
        }

        if (exception is not null && !IsCutOff(exception))
        {
            return null;
        }

        var how = exception is null ? "closed" : "reset";
        var seen = $"the broker {how} the connection right after the TLS handshake, before CONNACK";
        if (ours is null)
        {
            return new(MqttFailureCause.ClientCertificateMissing, $"the broker most likely requires a client certificate, and none is configured: {seen}{chain}");
        }

        return CertificateFacts.OutsideValidity(ours, now) is { } expired
            ? new(MqttFailureCause.ClientCertificateExpired, $"the broker most likely refused this device's certificate {CertificateFacts.Describe(ours)}: {expired}; {seen}{chain}")
            : new(MqttFailureCause.ClientCertificateRefused, $"the broker most likely refused this device's certificate {CertificateFacts.Describe(ours)} (is it signed by a CA the broker trusts?): {seen}{chain}");
    }

    private static MqttFailure FromAlert(TlsAlert alert, X509Certificate2? ours, DateTimeOffset now, string chain)
    {
        var said = $"TLS alert '{alert.Name}' from the broker";
        var device = ours is null ? string.Empty : $" {CertificateFacts.Describe(ours)}";
        switch (alert.Code)
        {
            case TlsAlert.CertificateRequired:
            case TlsAlert.HandshakeFailure or TlsAlert.BadCertificate when ours is null:
                return new(MqttFailureCause.ClientCertificateMissing, $"the broker requires a client certificate, and none is configured: {said}{chain}");
            case TlsAlert.CertificateExpired:
                var expired = ours is null ? null : CertificateFacts.OutsideValidity(ours, now);
                return new(MqttFailureCause.ClientCertificateExpired, $"the broker refused this device's certificate{device}: {expired ?? "the broker's clock says it has expired"}: {said}{chain}");
            case TlsAlert.UnknownCa:
                return new(MqttFailureCause.ClientCertificateRefused, $"the broker refused this device's certificate{device}: it does not trust the CA that signed it: {said}{chain}");
            case TlsAlert.BadCertificate or TlsAlert.UnsupportedCertificate or TlsAlert.CertificateRevoked or TlsAlert.CertificateUnknown or TlsAlert.AccessDenied:
                return new(MqttFailureCause.ClientCertificateRefused, $"the broker refused this device's certificate{device}: {said}{chain}");
            case TlsAlert.ProtocolVersion:
                return new(MqttFailureCause.TlsHandshakeFailed, $"the broker and this device share no TLS version (this device speaks TLS 1.2 and 1.3): {said}{chain}");
            case TlsAlert.UnrecognizedName:
                return new(MqttFailureCause.TlsHandshakeFailed, $"the broker does not serve the host name in the broker URI: {said}{chain}");
            default:
                return new(MqttFailureCause.TlsHandshakeFailed, $"the TLS handshake failed: {said}{chain}");
        }
    }

    /// <summary>The peer reset or closed the connection (no alert): a socket reset, a broken pipe, or the end of the stream mid-handshake.</summary>
    private static bool IsCutOff(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown })
            {
                return true;
            }

            // SslStream reports the end of the stream during the handshake as a bare IOException.
            if (e is IOException && e.InnerException is null && e.GetType() == typeof(IOException))
            {
                return true;
            }
        }

        return false;
    }
}
