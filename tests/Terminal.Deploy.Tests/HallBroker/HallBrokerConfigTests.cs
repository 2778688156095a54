using System.Text.Json;
using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>deploy/hall-broker/hall-broker-config: what it writes from the templates, and input it refuses whole.</summary>
[Collection(HallBrokerCollection.Name)]
public sealed class HallBrokerConfigTests
{
    [Fact]
    public void HallBroker_OneRolePerListedTerminal_PlusTheHallServer_AndNothingGrantedByDefault()
    {
        using var dir = new TempDir("hall-config-");
        var list = dir.Write("terminals.list", "# hall H-01\nT-0001\n  T-0002  # window 2\n\nT-0001\n");

        var result = Configure("hall", "--hall", "H-01", "--terminals", list, "--state", dir.Path, "--out", dir["conf.d"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var dynsec = JsonDocument.Parse(File.ReadAllText(dir["hall-dynamic-security.json"]));
        var root = dynsec.RootElement;
        Assert.All(root.GetProperty("defaultACLAccess").EnumerateObject().Where(p => p.Name != "unsubscribe"), p => Assert.False(p.Value.GetBoolean(), p.Name));
        Assert.Equal(["hall-server.H-01", "bridge.H-01", "T-0001", "T-0002"], root.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("username").GetString()));
        var t2 = root.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("rolename").GetString() == "terminal.T-0002");
        Assert.Contains(t2.GetProperty("acls").EnumerateArray(), a => a.GetProperty("acltype").GetString() == "publishClientSend" && a.GetProperty("topic").GetString() == "eval/v1/H-01/T-0002/event/#");
        Assert.DoesNotContain(t2.GetProperty("acls").EnumerateArray(), a => a.GetProperty("topic").GetString()!.Contains("T-0001", StringComparison.Ordinal));
        var conf = File.ReadAllText(dir["conf.d/hall-broker.conf"]);
        Assert.Contains("listener 8883\n", conf, StringComparison.Ordinal);
        Assert.Contains("use_identity_as_username true", conf, StringComparison.Ordinal);
        Assert.DoesNotMatch("@[A-Z_]+@", conf);
    }

    [Fact]
    public void InvalidInput_EveryProblemNamed_AndNothingWritten()
    {
        using var dir = new TempDir("hall-config-");
        var list = dir.Write("terminals.list", "T-0001\nT 0002\nT-0003\n");

        var result = Configure("hall", "--hall", "H.1", "--terminals", list, "--listen", "8883x", "--state", dir.Path, "--out", dir["conf.d"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{list}:2: 'T 0002' is not a valid terminal id", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--hall 'H.1' is not a valid id", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--listen '8883x'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["terminals.list"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void CentralBroker_OneBridgePerHall_IntoItsAddress_WithThatHallsCertificates()
    {
        using var dir = new TempDir("central-config-");
        var halls = dir.Write("halls", "H-01 hall-h01.example.org:8883\n# closed for works\nH-02 10.0.0.2:8883\n");

        var result = Configure("central", "--halls", halls, "--platform", "ops", "--bridges-tls", "/etc/mosquitto/bridges", "--state", dir.Path, "--out", dir["conf.d"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var bridges = File.ReadAllText(dir["conf.d/central-bridges.conf"]);
        Assert.Contains("connection hall-H-01\naddress hall-h01.example.org:8883\n", bridges, StringComparison.Ordinal);
        Assert.Contains("bridge_certfile /etc/mosquitto/bridges/H-02/bridge.crt", bridges, StringComparison.Ordinal);
        Assert.Contains("topic eval/v1/H-02/+/event/# in 1", bridges, StringComparison.Ordinal);
        using var dynsec = JsonDocument.Parse(File.ReadAllText(dir["central-dynamic-security.json"]));
        Assert.Equal(["platform.ops"], dynsec.RootElement.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("username").GetString()));
    }

    [Fact]
    public void CentralBroker_NeedsEachHallsAddress_AndItsPlatformIdentities()
    {
        using var dir = new TempDir("central-config-");

        var result = Configure("central", "--hall", "H-01", "--state", dir.Path, "--out", dir["conf.d"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hall H-01: '' is not HOST:PORT", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--platform NAME is required", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    private static ProcessResult Configure(params string[] args) => Run.Tool(Repo.Deploy("hall-broker/hall-broker-config"), args);
}
