using System.Net.Sockets;
using System.Security.Authentication;
using Terminal.Mqtt.Tests.Support;
using Terminal.Mqtt.Transport;

namespace Terminal.Mqtt.Tests.Transport;

// The cause of a TLS failure, from exception chains shaped as .NET on Linux throws them.
public sealed class TlsFailureTests : IDisposable
{
    private static readonly DateTimeOffset Now = InMemoryPki.Now;
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _ca = InMemoryPki.Authority("Hall CA");
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _ours;

    public TlsFailureTests() => _ours = InMemoryPki.Leaf(_ca, "T-0042");

    public void Dispose()
    {
        _ours.Dispose();
        _ca.Dispose();
    }

    [Fact]
    public void HandshakeAlertUnknownCa_IsOurCertificateRefused_WithEveryInnerMessage()
    {
        var failure = TlsFailure.Handshake(HandshakeAlert(0x0A000418), serverVerdict: null, _ours, Now);

        Assert.Equal(MqttFailureCause.ClientCertificateRefused, failure.Cause);
        Assert.StartsWith("the broker refused this device's certificate 'CN=T-0042' (issuer 'CN=Hall CA', valid 2026-11-20 10:00:00Z to 2026-12-21 10:00:00Z): it does not trust the CA that signed it: TLS alert 'unknown ca' from the broker", failure.Description, StringComparison.Ordinal);
        Assert.EndsWith("[Authentication failed, see inner exception. → SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL. → error:0A000418:SSL routines::(as OpenSSL prints it)]", failure.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0A00045C)] // TLS 1.3: certificate required
    [InlineData(0x0A000410)] // TLS 1.2: handshake failure, and we sent none
    public void AlertWithoutOurCertificate_IsClientCertificateMissing(int error)
    {
        var failure = TlsFailure.Handshake(HandshakeAlert(error), null, ours: null, Now);

        Assert.Equal(MqttFailureCause.ClientCertificateMissing, failure.Cause);
        Assert.StartsWith("the broker requires a client certificate, and none is configured", failure.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AlertCertificateExpired_SaysWhenOursExpired()
    {
        using var expired = InMemoryPki.Leaf(_ca, "T-0042", Now.AddDays(-30), Now.AddDays(-2));

        var failure = TlsFailure.AfterHandshake(ReadAlert(0x0A000415), expired, Now);

        Assert.Equal(MqttFailureCause.ClientCertificateExpired, failure?.Cause);
        Assert.Contains("it expired on 2026-11-19 10:00:00Z (this device's clock says 2026-11-21 10:00:00Z)", failure?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ResetRightAfterHandshake_IsOurCertificateMostLikelyRefused()
    {
        var failure = TlsFailure.AfterHandshake(Reset(), _ours, Now);

        Assert.Equal(MqttFailureCause.ClientCertificateRefused, failure?.Cause);
        Assert.StartsWith("the broker most likely refused this device's certificate 'CN=T-0042'", failure?.Description, StringComparison.Ordinal);
        Assert.Contains("the broker reset the connection right after the TLS handshake, before CONNACK [Unable to write data to the transport connection: Connection reset by peer.]", failure?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ResetRightAfterHandshake_WithOurCertificateExpired_IsExpired()
    {
        using var expired = InMemoryPki.Leaf(_ca, "T-0042", Now.AddDays(-30), Now.AddDays(-2));

        Assert.Equal(MqttFailureCause.ClientCertificateExpired, TlsFailure.AfterHandshake(Reset(), expired, Now)?.Cause);
    }

    [Fact]
    public void EndOfStreamRightAfterHandshake_WithoutOurCertificate_IsMissing()
    {
        var failure = TlsFailure.AfterHandshake(exception: null, ours: null, Now);

        Assert.Equal(MqttFailureCause.ClientCertificateMissing, failure?.Cause);
        Assert.Contains("the broker closed the connection right after the TLS handshake", failure?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void FailureAfterHandshakeThatIsNoResetNorAlert_SaysNothingAboutTls() =>
        Assert.Null(TlsFailure.AfterHandshake(new IOException("disk on fire", new TimeoutException("slow")), _ours, Now));

    [Fact]
    public void OurVerdictOnTheBrokersCertificate_WinsAndKeepsTheExceptionMessages()
    {
        var verdict = new MqttFailure(MqttFailureCause.ServerCertificateWrongHost, "the broker's certificate 'CN=elsewhere' is for another host name");
        var exception = new AuthenticationException("The remote certificate was rejected by the provided RemoteCertificateValidationCallback.");

        var failure = TlsFailure.Handshake(exception, verdict, _ours, Now);

        Assert.Equal(MqttFailureCause.ServerCertificateWrongHost, failure.Cause);
        Assert.Equal("the broker's certificate 'CN=elsewhere' is for another host name [The remote certificate was rejected by the provided RemoteCertificateValidationCallback.]", failure.Description);
    }

    [Fact]
    public void OtherHandshakeFailure_IsTlsHandshakeFailed() =>
        Assert.Equal(MqttFailureCause.TlsHandshakeFailed, TlsFailure.Handshake(HandshakeAlert(0x0A000446), null, _ours, Now).Cause); // 70: protocol version

    private static AuthenticationException HandshakeAlert(int error) => new(
        "Authentication failed, see inner exception.",
        new InvalidOperationException("SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL.", new OpenSslError(error)));

    private static IOException ReadAlert(int error) => new(
        "The decryption operation failed, see inner exception.",
        new InvalidOperationException("Decrypt failed with OpenSSL error - SSL_ERROR_SSL.", new OpenSslError(error)));

    private static IOException Reset() => new(
        "Unable to write data to the transport connection: Connection reset by peer.",
        new SocketException((int)SocketError.ConnectionReset));
}
