using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Terminal.Mqtt.Transport;

/// <summary>
/// Checks the broker's certificate against the configured CA (not the system store when a CA is
/// given) and the host name, and says in plain words why it was refused.
/// </summary>
internal static class ServerCertificateCheck
{
    public static bool Accept(string host, X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2Collection? authorities, Action<string> refusal)
    {
        if (certificate is null)
        {
            refusal("the broker sent no certificate");
            return false;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            refusal($"the broker certificate '{certificate.Subject}' does not name host '{host}'");
            return false;
        }

        if (authorities is null)
        {
            if (errors != SslPolicyErrors.None)
            {
                refusal($"the broker certificate '{certificate.Subject}' is not trusted by the system store ({errors})");
            }

            return errors == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain.Build(certificate))
        {
            return true;
        }

        var statuses = chain.ChainStatus.Select(s => s.Status).ToHashSet();
        if (statuses.Contains(X509ChainStatusFlags.NotTimeValid))
        {
            refusal($"the broker certificate '{certificate.Subject}' is expired or not yet valid (valid {certificate.NotBefore:u} to {certificate.NotAfter:u})");
        }
        else if (statuses.Contains(X509ChainStatusFlags.UntrustedRoot) || statuses.Contains(X509ChainStatusFlags.PartialChain))
        {
            refusal($"the broker certificate '{certificate.Subject}' (issuer '{certificate.Issuer}') is not signed by the configured CA");
        }
        else
        {
            refusal($"the broker certificate '{certificate.Subject}' is refused: {string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()))}");
        }

        return false;
    }
}
