using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Mqtt.Tests.Support;
using Terminal.TestUtils.Broker;

namespace Terminal.Mqtt.Tests.Transport;

// TLS against a real Mosquitto with certificates the test makes with openssl.
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certs = TestCertificates.Create();

    public void Dispose() => _certs.Dispose();

    [Fact]
    public async Task MutualTls_WithConfiguredCaAndClientCertificate_ConnectsAndPublishes()
    {
        using var broker = new MosquittoBroker(tls: new MosquittoTls(_certs.CaCert, _certs.ServerCert, _certs.ServerKey, RequireClientCertificate: true));
        broker.Start();
        var inbox = new MessageInbox();
        await using var client = Create(broker.Uri, new MqttTlsOptions(_certs.CaCert, _certs.ClientCert, _certs.ClientKey), "secure/#");
        client.MessageHandler = inbox.Handle;
        client.Start();
        await TestClients.WaitConnectedAsync(client);

        var result = await client.PublishAsync(new MqttApplicationMessage("secure/x", "tls"u8.ToArray()), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("secure/x", Assert.Single(await inbox.WaitForAsync(1)).Topic);
    }

    [Fact]
    public async Task ServerCertificateFromAnotherCa_IsRefusedWithAClearMessage()
    {
        using var broker = new MosquittoBroker(tls: new MosquittoTls(_certs.CaCert, _certs.ServerCert, _certs.ServerKey));
        broker.Start();
        await using var client = Create(broker.Uri, new MqttTlsOptions(_certs.OtherCaCert, null, null));
        var log = new StateLog(client);

        client.Start();

        var (change, _) = await log.WaitForAsync(c => c.Error is not null, TimeSpan.FromSeconds(10));
        Assert.Contains("not signed by the configured CA", change.Error, StringComparison.Ordinal);
        Assert.NotEqual(MqttConnectionState.Connected, client.State);
    }

    [Fact]
    public async Task ServerCertificateForAnotherHost_IsRefusedWithAClearMessage()
    {
        using var broker = new MosquittoBroker(tls: new MosquittoTls(_certs.CaCert, _certs.WrongNameCert, _certs.WrongNameKey));
        broker.Start();
        await using var client = Create(broker.Uri, new MqttTlsOptions(_certs.CaCert, null, null));
        var log = new StateLog(client);

        client.Start();

        var (change, _) = await log.WaitForAsync(c => c.Error is not null, TimeSpan.FromSeconds(10));
        Assert.Contains("is for another host name: it names elsewhere.invalid, not 'localhost'", change.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MutualTlsBroker_WithoutClientCertificate_NeverConnects()
    {
        using var broker = new MosquittoBroker(tls: new MosquittoTls(_certs.CaCert, _certs.ServerCert, _certs.ServerKey, RequireClientCertificate: true));
        broker.Start();
        await using var client = Create(broker.Uri, new MqttTlsOptions(_certs.CaCert, null, null));
        var log = new StateLog(client);

        client.Start();

        var (change, _) = await log.WaitForAsync(c => c.Error is not null, TimeSpan.FromSeconds(10));
        Assert.NotEqual(MqttConnectionState.Connected, client.State);
        Assert.DoesNotContain(log.Changes, c => c.Change.State == MqttConnectionState.Connected);
        Assert.NotEmpty(change.Error!);
    }

    [Fact]
    public void UnreadableKeyFile_IsRefusedAtConstructionNamingTheFile()
    {
        var missingKey = Path.Combine(_certs.Dir, "no-such.key");

        var error = Assert.Throws<ArgumentException>(() => Create(new Uri("mqtts://localhost:8883"), new MqttTlsOptions(_certs.CaCert, _certs.ClientCert, missingKey)));

        Assert.Contains(missingKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyThatIsNotPem_IsRefusedAtConstructionNamingTheFile()
    {
        var garbage = Path.Combine(_certs.Dir, "garbage.key");
        File.WriteAllText(garbage, "not a key");

        var error = Assert.Throws<ArgumentException>(() => Create(new Uri("mqtts://localhost:8883"), new MqttTlsOptions(_certs.CaCert, _certs.ClientCert, garbage)));

        Assert.Contains(garbage, error.Message, StringComparison.Ordinal);
    }

    private static MqttClient Create(Uri broker, MqttTlsOptions tls, params string[] subscriptions) => new(
        TestClients.Options(broker, "tls-client", MqttProtocol.V500, subscriptions) with { AllowInsecure = false, Tls = tls },
        TimeProvider.System,
        NullLogger<MqttClient>.Instance);
}
