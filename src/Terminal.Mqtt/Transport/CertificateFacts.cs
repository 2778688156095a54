using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Terminal.Mqtt.Transport;

/// <summary>What an engineer needs to recognise a certificate in a log line: subject, issuer, validity, names.</summary>
internal static class CertificateFacts
{
    /// <summary><c>'CN=T-0042' (issuer 'CN=Hall CA', valid 2026-01-01 00:00:00Z to 2027-01-01 00:00:00Z)</c>.</summary>
    public static string Describe(X509Certificate2 certificate) =>
        $"'{certificate.Subject}' (issuer '{certificate.Issuer}', valid {Utc(certificate.NotBefore)} to {Utc(certificate.NotAfter)})";

    /// <summary>Why the certificate is not valid at <paramref name="now"/> by this device's clock, or null when it is.</summary>
    public static string? OutsideValidity(X509Certificate2 certificate, DateTimeOffset now)
    {
        if (now.UtcDateTime > certificate.NotAfter.ToUniversalTime())
        {
            return $"it expired on {Utc(certificate.NotAfter)} (this device's clock says {Utc(now.UtcDateTime)})";
        }

        if (now.UtcDateTime < certificate.NotBefore.ToUniversalTime())
        {
            return $"it is not valid before {Utc(certificate.NotBefore)} and this device's clock says {Utc(now.UtcDateTime)}: is the clock right?";
        }

        return null;
    }

    /// <summary>The DNS names and IP addresses the certificate is for (subject alternative names, else the CN).</summary>
    public static string HostNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.AddRange(extension.EnumerateDnsNames());
            names.AddRange(extension.EnumerateIPAddresses().Select(a => a.ToString()));
        }

        if (names.Count == 0)
        {
            names.Add(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        }

        return string.Join(", ", names);
    }

    private static string Utc(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
