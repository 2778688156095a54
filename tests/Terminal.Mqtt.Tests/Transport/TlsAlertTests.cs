using Terminal.Mqtt.Tests.Support;
using Terminal.Mqtt.Transport;

namespace Terminal.Mqtt.Tests.Transport;

public class TlsAlertTests
{
    [Theory]
    [InlineData(0x0A000418, 48, "unknown ca")]            // OpenSSL 3: tlsv1 alert unknown ca
    [InlineData(0x0A00045C, 116, "certificate required")] // OpenSSL 3: tlsv13 alert certificate required
    [InlineData(0x0A000415, 45, "certificate expired")]   // OpenSSL 3: sslv3 alert certificate expired
    [InlineData(0x0A000410, 40, "handshake failure")]
    [InlineData(0x14094418, 48, "unknown ca")]            // OpenSSL 1.1: lib 20, func 0x94, reason 1048
    public void OpenSslErrorOfAReceivedAlert_NamesTheAlert(int error, int code, string name)
    {
        var alert = TlsAlert.FromOpenSslError(error);

        Assert.Equal(code, alert?.Code);
        Assert.Equal(name, alert?.Name);
    }

    [Theory]
    [InlineData(0x0A000086)]            // SSL routines: certificate verify failed (not an alert)
    [InlineData(unchecked((int)0x80131500))] // a managed exception's HResult
    [InlineData(0x06000066)]            // another library (EVP)
    [InlineData(0)]
    public void OtherErrors_AreNoAlert(int error) => Assert.Null(TlsAlert.FromOpenSslError(error));

    [Fact]
    public void Find_LooksThroughTheInnerExceptions()
    {
        var chain = new IOException("The decryption operation failed, see inner exception.", new InvalidOperationException("Decrypt failed", new OpenSslError(0x0A00045C)));

        Assert.Equal(116, TlsAlert.Find(chain)?.Code);
    }
}
