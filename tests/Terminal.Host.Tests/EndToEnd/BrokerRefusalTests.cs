using System.Text.Json;
using System.Text.RegularExpressions;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Processes;
using Xunit.Abstractions;

namespace Terminal.Host.Tests.EndToEnd;

/// <summary>
/// A terminal whose TLS connection a real Mosquitto (requiring client certificates) refuses: its log
/// line, <c>terminalctl status</c> and <c>status --json</c> all name the cause (issue 14, item 4).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BrokerRefusalTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TestCertificates _certs = TestCertificates.Create();

    public void Dispose() => _certs.Dispose();

    [Fact]
    public async Task ClientCertificateFromAnotherCa_LogStatusAndJsonNameTheRefusal()
    {
        var (log, status, json) = await RefusedAsync(_certs.ServerCert, _certs.ServerKey, _certs.OtherCaClientCert, _certs.OtherCaClientKey, "client-certificate-refused");

        Assert.Contains("refused this device's certificate 'CN=T-OTHER' (issuer 'CN=Some Other CA'", log, StringComparison.Ordinal);
        Assert.Contains(status, l => l.StartsWith("cause       client-certificate-refused: the broker ", StringComparison.Ordinal) && l.Contains("'CN=T-OTHER'", StringComparison.Ordinal));
        Assert.Contains("refused this device's certificate 'CN=T-OTHER'", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCertificateForAnotherHost_LogStatusAndJsonNameTheHost()
    {
        var (log, status, json) = await RefusedAsync(_certs.WrongNameCert, _certs.WrongNameKey, _certs.ClientCert, _certs.ClientKey, "server-certificate-wrong-host");

        Assert.Contains("the broker's certificate 'CN=elsewhere.invalid' is for another host name: it names elsewhere.invalid, not 'localhost'", log, StringComparison.Ordinal);
        Assert.Contains("cause       server-certificate-wrong-host: the broker's certificate 'CN=elsewhere.invalid' is for another host name: it names elsewhere.invalid, not 'localhost' [The remote certificate was rejected by the provided RemoteCertificateValidationCallback.]", status);
        Assert.StartsWith("the broker's certificate 'CN=elsewhere.invalid' is for another host name", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<(string Log, IReadOnlyList<string> Status, JsonElement Json)> RefusedAsync(string serverCert, string serverKey, string clientCert, string clientKey, string cause)
    {
        using var broker = new MosquittoBroker(tls: new MosquittoTls(_certs.CaCert, serverCert, serverKey, RequireClientCertificate: true));
        broker.Start();
        using var terminal = await TerminalUnderTest.StartAsync(
            broker.Uri,
            $"--Terminal:Broker:Tls:Ca={_certs.CaCert}",
            $"--Terminal:Broker:Tls:Cert={clientCert}",
            $"--Terminal:Broker:Tls:Key={clientKey}");

        var log = await terminal.Process.WaitForLineAsync(l => l.Contains("MQTT cannot connect to a broker", StringComparison.Ordinal), Deadline, "the terminal's line saying it cannot connect");
        var json = await WaitForCauseAsync(terminal, cause);
        var (exit, status, stderr) = await terminal.CtlAsync("status");
        output.WriteLine(log);
        output.WriteLine(string.Join('\n', status));

        Assert.True(exit == 0, stderr);
        Assert.Contains($"({cause}): ", log, StringComparison.Ordinal);
        // Between attempts it is disconnected, during one connecting; either way the last failure stays.
        Assert.Contains(status, l => Regex.IsMatch(l, @"^broker      (disconnected|connecting) since \S+ \S+: \d+ failed attempts(, next attempt \S+ \S+)?; last tried ") && l.EndsWith(broker.Uri.ToString(), StringComparison.Ordinal));
        Assert.Contains(json.GetProperty("state").GetString(), new[] { "disconnected", "connecting" });
        Assert.Equal(broker.Uri.ToString(), json.GetProperty("uri").GetString());
        Assert.True(json.GetProperty("failedAttempts").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.String, json.GetProperty("since").ValueKind);
        return (log, status, json);
    }

    private static async Task<JsonElement> WaitForCauseAsync(TerminalUnderTest terminal, string cause)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var broker = (await terminal.CtlJsonAsync("status"))[0].GetProperty("broker");
            if (broker.GetProperty("cause").ValueKind == JsonValueKind.String && broker.GetProperty("cause").GetString() == cause)
            {
                return broker;
            }

            Assert.False(deadline.IsCancellationRequested, $"status never named {cause}: {broker}");
            await Task.Yield();
        }
    }
}
