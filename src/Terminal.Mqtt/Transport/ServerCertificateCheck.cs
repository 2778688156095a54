using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Terminal.Mqtt.Transport;

/// <summary>
/// Judges the broker's certificate: it must chain to the configured CA (not the system store when a
/// CA is given), be valid by this device's clock, and name the host. A refusal says which of these
/// failed, from the chain's <see cref="X509ChainStatusFlags"/> and the <see cref="SslPolicyErrors"/>.
/// </summary>
internal static class ServerCertificateCheck
{
    private const X509ChainStatusFlags TimeFlags = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested;

    /// <summary>Null when the certificate is accepted; otherwise why not.</summary>
    public static MqttFailure? Judge(string host, X509Certificate2? certificate, SslPolicyErrors errors, X509Chain? systemChain, X509Certificate2Collection? authorities, DateTimeOffset now)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return new MqttFailure(MqttFailureCause.TlsHandshakeFailed, "the broker sent no certificate");
        }

        var statuses = authorities is null
            ? ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0 ? systemChain?.ChainStatus ?? [] : [])
            : BuildWithCustomRoots(certificate, authorities, now);
        var flags = statuses.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        var problems = new List<MqttFailure>();
        var chainErrorsUnexplained = authorities is null && (errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0 && statuses.Length == 0;
        if ((flags & ~TimeFlags) != X509ChainStatusFlags.NoError || chainErrorsUnexplained)
        {
            var by = authorities is null
                ? "any CA this device's system trusts (no CA file is configured)"
                : $"the configured CA ({string.Join(", ", authorities.Select(a => $"'{a.Subject}'"))})";
            problems.Add(new(MqttFailureCause.ServerCertificateUntrusted, $"the broker's certificate {CertificateFacts.Describe(certificate)} is not signed by {by}"));
        }

        if ((flags & TimeFlags) != X509ChainStatusFlags.NoError)
        {
            var why = CertificateFacts.OutsideValidity(certificate, now) ?? "a certificate in its chain is outside its validity";
            problems.Add(new(MqttFailureCause.ServerCertificateExpired, $"the broker's certificate {CertificateFacts.Describe(certificate)} is not valid: {why}"));
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            problems.Add(new(MqttFailureCause.ServerCertificateWrongHost, $"the broker's certificate '{certificate.Subject}' is for another host name: it names {CertificateFacts.HostNames(certificate)}, not '{host}'"));
        }

        if (problems.Count == 0)
        {
            return null;
        }

        var chainText = statuses.Length == 0 ? string.Empty : $" [certificate chain: {string.Join("; ", statuses.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}"))}]";
        var also = problems.Count > 1 ? "; also " + string.Join("; also ", problems.Skip(1).Select(p => p.Description)) : string.Empty;
        return problems[0] with { Description = problems[0].Description + also + chainText };
    }

    private static X509ChainStatus[] BuildWithCustomRoots(X509Certificate2 certificate, X509Certificate2Collection authorities, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate) ? [] : chain.ChainStatus;
    }
}
