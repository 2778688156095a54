namespace Terminal.Mqtt.Transport;

/// <summary>
/// A TLS alert the broker sent, read from the OpenSSL error code that .NET on Linux keeps as the
/// HResult of the innermost exception (e.g. 0x0A000418 = SSL library, reason 1048 = alert 48
/// "unknown ca"). Alert numbers: RFC 8446 §6 and RFC 5246 §7.2.
/// </summary>
internal readonly record struct TlsAlert(int Code)
{
    /// <summary>OpenSSL's SSL_AD_REASON_OFFSET: reason codes from 1000 up are received alerts.</summary>
    private const int AlertReasonOffset = 1000;

    /// <summary>ERR_LIB_SSL.</summary>
    private const int SslLibrary = 20;

    public const int HandshakeFailure = 40;
    public const int BadCertificate = 42;
    public const int UnsupportedCertificate = 43;
    public const int CertificateRevoked = 44;
    public const int CertificateExpired = 45;
    public const int CertificateUnknown = 46;
    public const int UnknownCa = 48;
    public const int AccessDenied = 49;
    public const int ProtocolVersion = 70;
    public const int UnrecognizedName = 112;
    public const int CertificateRequired = 116;

    /// <summary>The alert's name as the RFCs spell it, with spaces (as OpenSSL prints it).</summary>
    public string Name => Code switch
    {
        0 => "close notify",
        10 => "unexpected message",
        20 => "bad record mac",
        40 => "handshake failure",
        42 => "bad certificate",
        43 => "unsupported certificate",
        44 => "certificate revoked",
        45 => "certificate expired",
        46 => "certificate unknown",
        47 => "illegal parameter",
        48 => "unknown ca",
        49 => "access denied",
        50 => "decode error",
        51 => "decrypt error",
        70 => "protocol version",
        71 => "insufficient security",
        80 => "internal error",
        109 => "missing extension",
        110 => "unsupported extension",
        112 => "unrecognized name",
        116 => "certificate required",
        120 => "no application protocol",
        _ => $"alert {Code}",
    };

    /// <summary>The first received alert in the exception chain, if any.</summary>
    public static TlsAlert? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (FromOpenSslError(e.HResult) is { } alert)
            {
                return alert;
            }
        }

        return null;
    }

    /// <summary>The alert packed in an OpenSSL error code: 3.x packs lib&lt;&lt;23 | reason, 1.1 lib&lt;&lt;24 | func&lt;&lt;12 | reason.</summary>
    public static TlsAlert? FromOpenSslError(int error)
    {
        if (error <= 0)
        {
            return null;
        }

        int reason;
        if ((error >> 23) == SslLibrary)
        {
            reason = error & 0x7FFFFF;
        }
        else if ((error >> 24) == SslLibrary)
        {
            reason = error & 0xFFF;
        }
        else
        {
            return null;
        }

        return reason is >= AlertReasonOffset and < AlertReasonOffset + 256 ? new TlsAlert(reason - AlertReasonOffset) : null;
    }
}
