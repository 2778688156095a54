using Terminal.Cli.Config;

namespace Terminal.Cli.Tests.Config;

[Collection("console")]
public sealed class ConfigVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("config-validate-").FullName;

    [Fact]
    public void ValidDeviceConfiguration_Exits0()
    {
        var file = Write("terminal.json", """{"Terminal":{"TerminalId":"T-0412","HallId":"H-01","Window":"12","Board":"rpi4-5key-wiegand","Broker":{"Uris":["mqtts://hall:8883"]}}}""");

        var (exit, output) = Validate(file);

        Assert.Equal(0, exit);
        Assert.Contains("valid terminal configuration", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Terminal":{"TerminalId":"T 0412","HallId":"H-01","Window":"12","Board":"simulator","Broker":{"Uris":["mqtts://hall:8883"]}}}""", "Terminal:TerminalId: 'T 0412' is not a valid id")]
    [InlineData("""{"Terminal":{"TerminalId":"T-1","HallId":"H-01","Window":"12","Board":"simulator","Broker":{"Uris":["mqtts://hall:8883"],"Tls":{"Ca":"/nonexistent/ca.pem"}}}}""", "Terminal:Broker:Tls:Ca: '/nonexistent/ca.pem' does not exist")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":9,"line":1,"led":2}]}""", "keys[0].level: 9 is outside the rating scale 1–5")]
    public void InvalidFile_Exits1_WithTheReason(string json, string reason)
    {
        var file = Write("bad.json", json);

        var (exit, output) = Validate(file);

        Assert.Equal(1, exit);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.Contains(file, output, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void WorldReadableKey_Exits1_NamingTheKeyFile()
    {
        var key = Write("device.key", "secret");
        var cert = Write("device.pem", "cert");
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var tls = $"\"Tls\":{{\"Cert\":\"{cert}\",\"Key\":\"{key}\"}}";
        var file = Write("terminal.json", "{\"Terminal\":{\"TerminalId\":\"T-1\",\"HallId\":\"H-01\",\"Window\":\"1\",\"Board\":\"simulator\",\"Broker\":{\"Uris\":[\"mqtts://hall:8883\"]," + tls + "}}}");

        var (exit, output) = Validate(file);

        Assert.Equal(1, exit);
        Assert.Contains($"Terminal:Broker:Tls:Key: '{key}' is a secret readable by every user", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Exit, string Output) Validate(string file)
    {
        var stdout = Console.Out;
        var stderr = Console.Error;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        Console.SetError(captured);
        try
        {
            return (ConfigVerb.Validate(new FileInfo(file), json: false), captured.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
