using System.Text.Json;
using Terminal.Cli.Provision;
using Terminal.Cli.Tests.Package;

namespace Terminal.Cli.Tests.Provision;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProvisionVerbTests : IDisposable
{
    private const UnixFileMode KeyMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    private readonly string _dir = Directory.CreateTempSubdirectory("provision-").FullName;
    private readonly string _out;
    private readonly string _ca;
    private readonly string _cert;
    private readonly string _key;

    public ProvisionVerbTests()
    {
        _out = Path.Combine(_dir, "etc/terminal/terminal.json");
        _ca = Write("ca.crt", "-----BEGIN CERTIFICATE-----\n", null);
        _cert = Write("device.crt", "-----BEGIN CERTIFICATE-----\n", null);
        _key = Write("device.key", "-----BEGIN PRIVATE KEY-----\n", KeyMode);
    }

    [Fact]
    public void Provision_ValidTlsDevice_WritesSpecConfigWithMode0640()
    {
        var (exit, _, error) = Provision();

        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(File.ReadAllText(_out));
        var terminal = doc.RootElement.GetProperty("Terminal");
        Assert.Equal("T-0412", terminal.GetProperty("TerminalId").GetString());
        Assert.Equal("H-01", terminal.GetProperty("HallId").GetString());
        Assert.Equal("12", terminal.GetProperty("Window").GetString());
        Assert.Equal("pi4-5key", terminal.GetProperty("Board").GetString());
        Assert.Equal("mqtts://hall-server:8883", terminal.GetProperty("Broker").GetProperty("Uris")[0].GetString());
        Assert.Equal(_key, terminal.GetProperty("Broker").GetProperty("Tls").GetProperty("Key").GetString());
        Assert.Equal(ConfigFileWriter.Mode, File.GetUnixFileMode(_out));
    }

    [Fact]
    public void Provision_SeveralBrokers_KeepsOrderForFailover()
    {
        var (exit, _, _) = Provision("--broker", "mqtts://b2:8883");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(File.ReadAllText(_out));
        var uris = doc.RootElement.GetProperty("Terminal").GetProperty("Broker").GetProperty("Uris").EnumerateArray().Select(u => u.GetString());
        Assert.Equal(["mqtts://hall-server:8883", "mqtts://b2:8883"], uris);
    }

    [Theory]
    [InlineData("--terminal", "T 0412")]
    [InlineData("--hall", "H/01")]
    [InlineData("--window", "")]
    [InlineData("--terminal", "T-0412-this-id-is-much-longer-than-sixty-four-characters-allowed-by-spec")]
    public void Provision_BadIdentity_IsRefusedNamingTheOption(string option, string value)
    {
        var (exit, _, error) = Provision(option, value);

        Assert.Equal(1, exit);
        Assert.Contains($"{option} '{value}' is not a valid id", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_out));
    }

    [Fact]
    public void Provision_PlainMqttWithoutAllowInsecure_IsRefused()
    {
        var (exit, _, error) = Provision(["--terminal", "T-1", "--hall", "H-01", "--window", "1", "--board", "pi4-5key", "--broker", "mqtt://hall:1883"], tls: false);

        Assert.Equal(1, exit);
        Assert.Contains("--allow-insecure", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Provision_PlainMqttWithAllowInsecure_IsWrittenWithWarning()
    {
        var (exit, _, error) = Provision(["--terminal", "T-1", "--hall", "H-01", "--window", "1", "--board", "pi4-5key", "--broker", "mqtt://hall:1883", "--allow-insecure"], tls: false);

        Assert.Equal(0, exit);
        Assert.Contains("unencrypted", error, StringComparison.Ordinal);
        Assert.Contains("\"AllowInsecure\": true", File.ReadAllText(_out), StringComparison.Ordinal);
    }

    [Fact]
    public void Provision_UnknownScheme_IsRefused()
    {
        var (exit, _, error) = Provision("--broker", "http://hall:80");

        Assert.Equal(1, exit);
        Assert.Contains("scheme must be mqtts://", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Provision_MissingCaFile_IsRefusedNamingTheFile()
    {
        File.Delete(_ca);

        var (exit, _, error) = Provision();

        Assert.Equal(1, exit);
        Assert.Contains($"--ca {_ca}: file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Provision_WorldReadableKey_IsRefusedWithTheFix()
    {
        File.SetUnixFileMode(_key, KeyMode | UnixFileMode.OtherRead);

        var (exit, _, error) = Provision();

        Assert.Equal(1, exit);
        Assert.Contains("world-readable; run: chmod o-rwx", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Provision_CertWithoutKey_IsRefused()
    {
        var (exit, _, error) = Provision(["--terminal", "T-1", "--hall", "H-01", "--window", "1", "--board", "pi4-5key", "--broker", "mqtts://hall:8883", "--cert", _cert], tls: false);

        Assert.Equal(1, exit);
        Assert.Contains("--cert and --key go together", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Provision_ExistingConfigWithoutForce_IsNotOverwritten()
    {
        Assert.Equal(0, Provision().Exit);
        var before = File.ReadAllText(_out);

        var (exit, _, error) = Provision("--window", "13");

        Assert.Equal(2, exit);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_out));
    }

    [Fact]
    public void Provision_ExistingConfigWithForce_IsReplaced()
    {
        Assert.Equal(0, Provision().Exit);

        var (exit, _, _) = Provision("--window", "13", "--force");

        Assert.Equal(0, exit);
        Assert.Contains("\"Window\": \"13\"", File.ReadAllText(_out), StringComparison.Ordinal);
        Assert.Equal(ConfigFileWriter.Mode, File.GetUnixFileMode(_out));
    }

    [Fact]
    public void Provision_Json_ListsEveryProblem()
    {
        File.Delete(_cert);

        var (exit, output, _) = Provision("--hall", "bad hall", "--json");

        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(2, doc.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Provision_Help_DocumentsExitCodesAndOptions()
    {
        var (_, output, _) = CliRun.Invoke(ProvisionVerb.Create(), "provision", "--help");

        Assert.Contains("Exit codes", output, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure", output, StringComparison.Ordinal);
        Assert.Contains("hall-pki terminal", output, StringComparison.Ordinal);
        Assert.Contains("deploy/hall-broker/README.md", output, StringComparison.Ordinal);
    }

    /// <summary>A valid TLS provisioning, with <paramref name="overrides"/> replacing or adding options.</summary>
    private (int Exit, string Out, string Err) Provision(params string[] overrides)
    {
        var options = new List<(string Name, string? Value)>
        {
            ("--terminal", "T-0412"), ("--hall", "H-01"), ("--window", "12"), ("--board", "pi4-5key"),
            ("--broker", "mqtts://hall-server:8883"), ("--ca", _ca), ("--cert", _cert), ("--key", _key),
        };
        for (var i = 0; i < overrides.Length; i++)
        {
            var name = overrides[i];
            var value = i + 1 < overrides.Length && !overrides[i + 1].StartsWith("--", StringComparison.Ordinal) ? overrides[++i] : null;
            var at = options.FindIndex(o => o.Name == name);
            if (at >= 0 && name != "--broker")
            {
                options[at] = (name, value);
            }
            else
            {
                options.Add((name, value));
            }
        }

        var args = options.SelectMany(o => o.Value is null ? new[] { o.Name } : [o.Name, o.Value]);
        return Provision([.. args], tls: null);
    }

    private (int Exit, string Out, string Err) Provision(string[] args, bool? tls) =>
        CliRun.Invoke(ProvisionVerb.Create(), ["provision", .. args, "--out", _out]);

    private string Write(string name, string content, UnixFileMode? mode)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        if (mode is { } m)
        {
            File.SetUnixFileMode(path, m);
        }

        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
