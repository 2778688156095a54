using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Terminal.Mqtt.Transport;

/// <summary>
/// The PEM files of <see cref="MqttTlsOptions"/>, loaded with messages that name the file: the CA the
/// broker's certificate must chain to, and the device's certificate and key for mutual TLS.
/// </summary>
internal sealed class TlsCredentials
{
    private TlsCredentials(X509Certificate2Collection? authorities, X509Certificate2? clientCertificate)
    {
        Authorities = authorities;
        ClientCertificate = clientCertificate;
    }

    /// <summary>Trusted roots, or null for the system store.</summary>
    public X509Certificate2Collection? Authorities { get; }

    public X509Certificate2? ClientCertificate { get; }

    /// <exception cref="ArgumentException">A file is missing, unreadable or not the PEM it should be.</exception>
    public static TlsCredentials Load(MqttTlsOptions? tls)
    {
        X509Certificate2Collection? authorities = null;
        if (tls?.CaFile is { } caFile)
        {
            authorities = [];
            try
            {
                authorities.ImportFromPemFile(caFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new ArgumentException($"TLS CA file '{caFile}' cannot be read: {e.Message}", nameof(tls), e);
            }

            if (authorities.Count == 0)
            {
                throw new ArgumentException($"TLS CA file '{caFile}' holds no PEM certificate.", nameof(tls));
            }
        }

        X509Certificate2? client = null;
        if (tls is { CertFile: { } certFile })
        {
            var keyFile = tls.KeyFile ?? throw new ArgumentException($"TLS client certificate '{certFile}' is given without its key file.", nameof(tls));
            client = LoadClientCertificate(certFile, keyFile);
        }
        else if (tls?.KeyFile is { } orphan)
        {
            throw new ArgumentException($"TLS key file '{orphan}' is given without its certificate file.", nameof(tls));
        }

        return new TlsCredentials(authorities, client);
    }

    /// <summary>Client options for one handshake; a refused broker certificate is handed to <paramref name="refusal"/> with its cause.</summary>
    public SslClientAuthenticationOptions ClientOptions(string host, TimeProvider time, Action<MqttFailure> refusal) => new()
    {
        TargetHost = host,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        ClientCertificates = ClientCertificate is null ? null : [ClientCertificate],
        RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            var verdict = ServerCertificateCheck.Judge(host, certificate as X509Certificate2, errors, chain, Authorities, time.GetUtcNow());
            if (verdict is not null)
            {
                refusal(verdict);
            }

            return verdict is null;
        },
    };

    private static X509Certificate2 LoadClientCertificate(string certFile, string keyFile)
    {
        foreach (var file in new[] { certFile, keyFile })
        {
            try
            {
                using var probe = File.OpenRead(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"TLS file '{file}' cannot be read: {e.Message}", nameof(certFile), e);
            }
        }

        try
        {
            using var ephemeral = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            // Re-import as PKCS#12 so the private key is usable by the TLS stack (ephemeral PEM keys are not everywhere).
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"TLS client certificate '{certFile}' with key '{keyFile}' cannot be loaded (not PEM, encrypted, or not a matching pair): {e.Message}", nameof(certFile), e);
        }
        catch (ArgumentException e)
        {
            // CopyWithPrivateKey's check: the key file holds another certificate's key.
            throw new ArgumentException($"TLS key '{keyFile}' is not the key of the client certificate '{certFile}': {e.Message}", nameof(keyFile), e);
        }
    }
}
