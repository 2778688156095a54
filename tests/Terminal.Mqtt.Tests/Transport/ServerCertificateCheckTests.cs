using System.Net.Security;
using Terminal.Mqtt.Tests.Support;
using Terminal.Mqtt.Transport;

namespace Terminal.Mqtt.Tests.Transport;

// The verdict on the broker's certificate, from the chain built against the configured CA.
public sealed class ServerCertificateCheckTests : IDisposable
{
    private static readonly DateTimeOffset Now = InMemoryPki.Now;
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _ca = InMemoryPki.Authority("Hall CA");
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _other = InMemoryPki.Authority("Other CA");

    public void Dispose()
    {
        _ca.Dispose();
        _other.Dispose();
    }

    [Fact]
    public void SignedByTheConfiguredCa_ForTheHost_InItsValidity_IsAccepted()
    {
        using var server = InMemoryPki.Leaf(_ca, "hall.local");

        Assert.Null(ServerCertificateCheck.Judge("hall.local", server, SslPolicyErrors.RemoteCertificateChainErrors, null, [_ca], Now));
    }

    [Fact]
    public void SignedByAnotherCa_IsUntrusted_NamingBothCas()
    {
        using var server = InMemoryPki.Leaf(_other, "hall.local");

        var failure = ServerCertificateCheck.Judge("hall.local", server, SslPolicyErrors.RemoteCertificateChainErrors, null, [_ca], Now);

        Assert.Equal(MqttFailureCause.ServerCertificateUntrusted, failure?.Cause);
        Assert.StartsWith("the broker's certificate 'CN=hall.local' (issuer 'CN=Other CA', valid 2026-11-20 10:00:00Z to 2026-12-21 10:00:00Z) is not signed by the configured CA ('CN=Hall CA')", failure?.Description, StringComparison.Ordinal);
        Assert.Contains("[certificate chain: PartialChain", failure?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_SaysWhenAndWhatTheClockSays()
    {
        using var server = InMemoryPki.Leaf(_ca, "hall.local", Now.AddDays(-60), Now.AddDays(-1));

        var failure = ServerCertificateCheck.Judge("hall.local", server, SslPolicyErrors.None, null, [_ca], Now);

        Assert.Equal(MqttFailureCause.ServerCertificateExpired, failure?.Cause);
        Assert.Contains("is not valid: it expired on 2026-11-20 10:00:00Z (this device's clock says 2026-11-21 10:00:00Z)", failure?.Description, StringComparison.Ordinal);
        Assert.Contains("NotTimeValid", failure?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void NotYetValid_AsksWhetherTheClockIsRight()
    {
        using var server = InMemoryPki.Leaf(_ca, "hall.local", Now.AddDays(1), Now.AddDays(60));

        var failure = ServerCertificateCheck.Judge("hall.local", server, SslPolicyErrors.None, null, [_ca], Now);

        Assert.Equal(MqttFailureCause.ServerCertificateExpired, failure?.Cause);
        Assert.Contains("it is not valid before 2026-11-22 10:00:00Z and this device's clock says 2026-11-21 10:00:00Z: is the clock right?", failure?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAnotherHost_NamesTheHostsItIsFor()
    {
        using var server = InMemoryPki.Leaf(_ca, "elsewhere.invalid");

        var failure = ServerCertificateCheck.Judge("hall.local", server, SslPolicyErrors.RemoteCertificateNameMismatch, null, [_ca], Now);

        Assert.Equal(MqttFailureCause.ServerCertificateWrongHost, failure?.Cause);
        Assert.Equal("the broker's certificate 'CN=elsewhere.invalid' is for another host name: it names elsewhere.invalid, 127.0.0.1, not 'hall.local'", failure?.Description);
    }

    [Fact]
    public void UntrustedAndForAnotherHost_LeadsWithTheCa_AndMentionsTheHost()
    {
        using var server = InMemoryPki.Leaf(_other, "elsewhere.invalid");

        var failure = ServerCertificateCheck.Judge("hall.local", server, SslPolicyErrors.RemoteCertificateNameMismatch, null, [_ca], Now);

        Assert.Equal(MqttFailureCause.ServerCertificateUntrusted, failure?.Cause);
        Assert.Contains("; also the broker's certificate 'CN=elsewhere.invalid' is for another host name", failure?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCertificate_IsAHandshakeFailure() =>
        Assert.Equal(MqttFailureCause.TlsHandshakeFailed, ServerCertificateCheck.Judge("hall.local", null, SslPolicyErrors.RemoteCertificateNotAvailable, null, [_ca], Now)?.Cause);
}
