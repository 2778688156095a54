using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Mqtt.Diagnostics;
using Terminal.Mqtt.Tests.Support;
using Terminal.TestUtils.Broker;
using Xunit.Abstractions;
using Terminal.TestUtils.Waiting;

namespace Terminal.Mqtt.Tests.Transport;

// Each TLS refusal against a real Mosquitto that requires client certificates: the engineer's log
// line and the status both name the cause. The lines are printed to the test output.
public sealed class TlsRefusalTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestCertificates _certs = TestCertificates.Create();

    public void Dispose() => _certs.Dispose();

    [Fact]
    public async Task ClientCertificateFromAnotherCa_IsRefusedByTheBroker_NamingIssuer()
    {
        var (line, report) = await FirstRefusalAsync(_certs.ServerCert, _certs.ServerKey, new MqttTlsOptions(_certs.CaCert, _certs.OtherCaClientCert, _certs.OtherCaClientKey));

        Assert.Equal(MqttFailureCause.ClientCertificateRefused, report.Failure?.Cause);
        Assert.Contains("(client-certificate-refused): the broker", line, StringComparison.Ordinal);
        Assert.Contains("refused this device's certificate 'CN=T-OTHER' (issuer 'CN=Some Other CA'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredClientCertificate_IsRefusedByTheBroker_SayingItExpired()
    {
        var (line, report) = await FirstRefusalAsync(_certs.ServerCert, _certs.ServerKey, new MqttTlsOptions(_certs.CaCert, _certs.ExpiredClientCert, _certs.ExpiredClientKey));

        Assert.Equal(MqttFailureCause.ClientCertificateExpired, report.Failure?.Cause);
        Assert.Contains("(client-certificate-expired): the broker", line, StringComparison.Ordinal);
        Assert.Contains("refused this device's certificate 'CN=T-EXPIRED'", line, StringComparison.Ordinal);
        Assert.Contains("it expired on ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoClientCertificate_IsMissing()
    {
        var (line, report) = await FirstRefusalAsync(_certs.ServerCert, _certs.ServerKey, new MqttTlsOptions(_certs.CaCert, null, null));

        Assert.Equal(MqttFailureCause.ClientCertificateMissing, report.Failure?.Cause);
        Assert.Contains("requires a client certificate, and none is configured", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCertificateForAnotherHost_IsWrongHost()
    {
        var (line, report) = await FirstRefusalAsync(_certs.WrongNameCert, _certs.WrongNameKey, Good());

        Assert.Equal(MqttFailureCause.ServerCertificateWrongHost, report.Failure?.Cause);
        Assert.Contains("(server-certificate-wrong-host): the broker's certificate 'CN=elsewhere.invalid' is for another host name: it names elsewhere.invalid, not 'localhost'", line, StringComparison.Ordinal);
        Assert.Contains("[The remote certificate was rejected by the provided RemoteCertificateValidationCallback.]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredServerCertificate_IsExpired()
    {
        var (line, report) = await FirstRefusalAsync(_certs.ExpiredServerCert, _certs.ExpiredServerKey, Good());

        Assert.Equal(MqttFailureCause.ServerCertificateExpired, report.Failure?.Cause);
        Assert.Contains("(server-certificate-expired): the broker's certificate 'CN=localhost' (issuer 'CN=Test Hall CA'", line, StringComparison.Ordinal);
        Assert.Contains("is not valid: it expired on ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCertificateFromAnotherCa_IsUntrusted()
    {
        var (line, report) = await FirstRefusalAsync(_certs.ServerCert, _certs.ServerKey, new MqttTlsOptions(_certs.OtherCaCert, _certs.ClientCert, _certs.ClientKey));

        Assert.Equal(MqttFailureCause.ServerCertificateUntrusted, report.Failure?.Cause);
        Assert.Contains("is not signed by the configured CA ('CN=Some Other CA')", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyFileReplacedByAnotherCertificatesKey_IsTlsFilesUnusable_NamingBothFiles()
    {
        var key = Path.Combine(_certs.Dir, "device.key");
        File.Copy(_certs.ClientKey, key);

        // Accepted at construction; replaced afterwards, as a botched re-provisioning would.
        var (line, report) = await FirstRefusalAsync(_certs.ServerCert, _certs.ServerKey, new MqttTlsOptions(_certs.CaCert, _certs.ClientCert, key), beforeStart: () => File.Copy(_certs.ServerKey, key, overwrite: true));

        Assert.Equal(MqttFailureCause.TlsFilesUnusable, report.Failure?.Cause);
        Assert.Contains($"(tls-files-unusable): this device's TLS files cannot be used: TLS key '{key}' is not the key of the client certificate '{_certs.ClientCert}'", line, StringComparison.Ordinal);
    }

    private MqttTlsOptions Good() => new(_certs.CaCert, _certs.ClientCert, _certs.ClientKey);

    private async Task<(string Line, ConnectionReport Report)> FirstRefusalAsync(string serverCert, string serverKey, MqttTlsOptions tls, Action? beforeStart = null)
    {
        using var broker = new MosquittoBroker(tls: new MosquittoTls(_certs.CaCert, serverCert, serverKey, RequireClientCertificate: true));
        broker.Start();
        var logger = new RecordingLogger<ConnectionLog>();
        await using var client = Create(broker.Uri, tls);
        using var log = new ConnectionLog(client, TimeProvider.System, logger);
        beforeStart?.Invoke();

        client.Start();
        var line = await FirstWarningAsync(logger);

        Assert.NotEqual(MqttConnectionState.Connected, client.State);
        Assert.StartsWith($"MQTT cannot connect to a broker: {broker.Uri} (", line, StringComparison.Ordinal);
        return (line, log.Current);
    }

    private async Task<string> FirstWarningAsync(RecordingLogger<ConnectionLog> logger)
    {
        await Eventually.TrueAsync(() => logger.Entries.Any(e => e.Level == LogLevel.Warning), TimeSpan.FromSeconds(15), "the first warning");
        var line = logger.Entries.First(e => e.Level == LogLevel.Warning).Text;
        output.WriteLine(line);
        return line;
    }

    private static MqttClient Create(Uri broker, MqttTlsOptions tls) => new(
        TestClients.Options(broker, "tls-client") with { AllowInsecure = false, Tls = tls, ReconnectMinDelay = TimeSpan.FromSeconds(5), ReconnectMaxDelay = TimeSpan.FromSeconds(5) },
        TimeProvider.System,
        NullLogger<MqttClient>.Instance);
}
