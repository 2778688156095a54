using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Terminal.TestUtils.Broker;

/// <summary>
/// Certificates whose validity lies wholly in the past, signed by a CA given as PEM files: openssl 3.0's
/// <c>x509 -req</c> cannot back-date, .NET's <see cref="CertificateRequest"/> can.
/// </summary>
public static class BackdatedCertificate
{
    /// <summary>Writes <c>{name}.crt</c> and <c>{name}.key</c> (PEM, key mode 0600) in <paramref name="dir"/>, valid only in the past.</summary>
    /// <param name="dir">Directory holding the CA files and receiving the new pair.</param>
    /// <param name="ca">The CA's file name stem (<c>ca</c> for ca.crt/ca.key).</param>
    /// <param name="name">The new pair's file name stem.</param>
    /// <param name="commonName">CN of the new certificate.</param>
    /// <param name="server">A server certificate (serverAuth, SAN localhost and 127.0.0.1) rather than a client one.</param>
    public static void Write(string dir, string ca, string name, string commonName, bool server)
    {
        using var caKey = ECDsa.Create();
        caKey.ImportFromPem(File.ReadAllText(Path.Combine(dir, $"{ca}.key")));
        using var caCert = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(dir, $"{ca}.crt"));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], critical: false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var now = DateTimeOffset.UtcNow;
        // Signed through a generator: Create(issuerCertificate, …) refuses a validity outside the issuer's.
        using var certificate = request.Create(
            caCert.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddDays(-10), now.AddDays(-1), RandomNumberGenerator.GetBytes(8));
        File.WriteAllText(Path.Combine(dir, $"{name}.crt"), certificate.ExportCertificatePem());
        var keyPath = Path.Combine(dir, $"{name}.key");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            // As openssl writes keys: the terminal refuses a key other users can read.
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
