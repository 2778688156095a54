using System.Security.Cryptography.X509Certificates;
using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>deploy/hall-broker/hall-pki: certificates the broker and terminalctl provision take, and refusals that change nothing.</summary>
[Collection(HallBrokerCollection.Name)]
public sealed class HallPkiTests(HallPki pki)
{
    [Fact]
    public void TerminalCertificate_NamesTheTerminal_IsForClientAuth_AndItsKeyIsPrivate()
    {
        var who = pki.Terminal("T-0001");
        using var cert = X509Certificate2.CreateFromPemFile(who.Cert, who.Key);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(who.Ca);

        Assert.Equal("CN=T-0001", cert.Subject);
        Assert.Equal(ca.Subject, cert.Issuer);
        Assert.Contains(cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.2");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(who.Key));
        Assert.Equal(File.ReadAllText(Path.Combine(pki.HallDir, "ca.crt")), File.ReadAllText(who.Ca));
    }

    [Fact]
    public void BrokerCertificate_NamesEveryHostAndAddress()
    {
        using var cert = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(pki.HallBrokerTls, "broker.crt"));

        var names = cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal(["127.0.0.1"], names.EnumerateIPAddresses().Select(a => a.ToString()));
    }

    [Theory]
    [InlineData("hall-server", "hall-server.H-TEST")]
    [InlineData("bridge", "bridge.H-TEST")]
    public void ServiceIdentities_HaveADot_WhichNoTerminalIdCanHave(string dir, string commonName)
    {
        var file = Directory.GetFiles(Path.Combine(pki.HallDir, dir), "*.crt").Single(f => !f.EndsWith("ca.crt", StringComparison.Ordinal));
        using var cert = X509CertificateLoader.LoadCertificateFromFile(file);

        Assert.Equal($"CN={commonName}", cert.Subject);
    }

    [Theory]
    [InlineData("terminal", "T 1", "terminal id 'T 1' is not a valid id")]
    [InlineData("terminal", "hall-server.H-TEST", "terminal id 'hall-server.H-TEST' is not a valid id")]
    [InlineData("terminal", "T-0001", "exists: this identity has a certificate already; add --force")]
    [InlineData("hall-server", "H/1", "hall 'H/1' is not a valid id")]
    public void Refusals_NameTheProblem_AndWriteNothing(string command, string id, string expected)
    {
        var before = Snapshot();

        var result = Run.Tool(Repo.Deploy("hall-broker/hall-pki"), command, pki.HallDir, id);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void SecondCa_InTheSameDirectory_IsRefused()
    {
        var result = Run.Tool(Repo.Deploy("hall-broker/hall-pki"), "ca", pki.HallDir, "Another");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a CA is made once", result.Stderr, StringComparison.Ordinal);
    }

    private string Snapshot() => string.Join('\n', Directory.EnumerateFiles(pki.HallDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(f => $"{f} {File.GetLastWriteTimeUtc(f).Ticks} {new FileInfo(f).Length}"));
}
