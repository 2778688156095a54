using Microsoft.Extensions.Configuration;
using Terminal.Core.Settings;
using Terminal.Configuration;

namespace Terminal.Configuration.Tests;

public class TerminalOptionsReaderTests
{
    private static readonly string Boards = Path.Combine(AppContext.BaseDirectory, "board-config");

    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Terminal:TerminalId"] = "T-0412",
        ["Terminal:HallId"] = "H-01",
        ["Terminal:Window"] = "12",
        ["Terminal:Board"] = "rpi4-5key-wiegand",
        ["Terminal:Broker:Uris:0"] = "mqtts://hall:8883",
    };

    [Fact]
    public void ValidConfiguration_HasTheSpecDefaults()
    {
        var options = Read(Valid);

        Assert.Equal("T-0412", options.TerminalId);
        Assert.Equal("/var/lib/terminal", options.DataDir);
        Assert.Equal("/run/terminal/control.sock", options.ControlSocket);
        Assert.Equal(TimeSpan.FromSeconds(30), options.WindowSettings.Get(TerminalSettings.Rating.SessionTimeout));
        Assert.Equal(TimeSpan.FromSeconds(3), options.WindowSettings.Get(TerminalSettings.Rating.Cooldown));
        Assert.Equal(TimeSpan.FromSeconds(10), options.WindowSettings.Get(TerminalSettings.Rating.StuckAfter));
        Assert.Equal(TimeSpan.FromSeconds(60), options.WindowSettings.Get(TerminalSettings.Attendance.DuplicateWindow));
        Assert.Equal(RatingMode.Session, options.WindowSettings.Get(TerminalSettings.Rating.Mode));
        Assert.Equal("5", options.Broker.Protocol);
        Assert.EndsWith("board-config/rpi4-5key-wiegand.json", options.BoardFile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Terminal:TerminalId", null, "Terminal:TerminalId: is required")]
    [InlineData("Terminal:TerminalId", "", "Terminal:TerminalId: must not be empty")]
    [InlineData("Terminal:HallId", "hall 1", "Terminal:HallId: 'hall 1' is not a valid id")]
    [InlineData("Terminal:Board", "nope", "Terminal:Board: no board file")]
    [InlineData("Terminal:Broker:Uris:0", "mqtt://hall:1883", "plain TCP; use mqtts://")]
    [InlineData("Terminal:Broker:Uris:0", "http://hall", "is not a broker URI")]
    [InlineData("Terminal:Rating:SessionTimeout", "soon", "Terminal:Rating:SessionTimeout: 'soon' is not a duration")]
    [InlineData("Terminal:Rating:SessionTimeout", "00:00:01", "Terminal:Rating:SessionTimeout:")]
    [InlineData("Terminal:Rating:Mode", "random", "Terminal:Rating:Mode: 'random' is not one of: session, free")]
    [InlineData("Terminal:Buffer:MaxEvents", "-5", "Terminal:Buffer:MaxEvents: '-5' is not a positive whole number")]
    [InlineData("Terminal:Broker:AllowInsecure", "yes", "Terminal:Broker:AllowInsecure: 'yes' is not true or false")]
    [InlineData("Terminal:Brokr:Uris:0", "mqtts://x", "Terminal:Brokr: unknown setting")]
    [InlineData("Terminal:Broker:Tls:Cert", "/etc/terminal/c.pem", "client certificate and key go together")]
    public void InvalidValue_IsRefused_NamingTheKeyAndReason(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>(Valid) { [key] = value };
        if (value is null)
        {
            settings.Remove(key);
        }

        var error = Assert.Throws<ConfigurationError>(() => Read(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void TlsFiles_MustExist_AndKeysMustNotBeWorldReadable()
    {
        var dir = Directory.CreateTempSubdirectory("tls-").FullName;
        try
        {
            var ca = Path.Combine(dir, "ca.pem");
            var cert = Path.Combine(dir, "device.pem");
            var key = Path.Combine(dir, "device.key");
            File.WriteAllText(ca, "ca");
            File.WriteAllText(cert, "cert");
            File.WriteAllText(key, "key");
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var settings = new Dictionary<string, string?>(Valid)
            {
                ["Terminal:Broker:Tls:Ca"] = Path.Combine(dir, "missing-ca.pem"),
                ["Terminal:Broker:Tls:Cert"] = cert,
                ["Terminal:Broker:Tls:Key"] = key,
            };

            Assert.Contains("Terminal:Broker:Tls:Ca: '", Assert.Throws<ConfigurationError>(() => Read(settings)).Message, StringComparison.Ordinal);

            settings["Terminal:Broker:Tls:Ca"] = ca;
            var worldReadable = Assert.Throws<ConfigurationError>(() => Read(settings));
            Assert.Contains("Terminal:Broker:Tls:Key", worldReadable.Message, StringComparison.Ordinal);
            Assert.Contains("readable by every user (mode 644)", worldReadable.Message, StringComparison.Ordinal);

            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            Assert.Equal(key, Read(settings).Broker.Key);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Error_NamesTheFileTheValueCameFrom()
    {
        var file = Path.Combine(Path.GetTempPath(), $"terminal-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"Terminal":{"Rating":{"Cooldown":"later"}}}""");
        try
        {
            var root = new ConfigurationBuilder().AddInMemoryCollection(Valid).AddJsonFile(file).Build();

            var error = Assert.Throws<ConfigurationError>(() => new TerminalOptionsReader(root).Read(simulate: false, Boards));

            Assert.Equal(file, error.Origin);
            Assert.StartsWith($"{file}: Terminal:Rating:Cooldown: 'later'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Simulate_DefaultsIdentityDataAndBroker_ButAnEmptyValueStaysInvalid()
    {
        var defaults = TerminalConfiguration.SimulationDefaults("/work");
        var options = Read(defaults, simulate: true);

        Assert.Equal("SIM-0001", options.TerminalId);
        Assert.Equal("/work/.terminal-data", options.DataDir);
        Assert.Equal("/work/.terminal-data/control.sock", options.ControlSocket);
        Assert.Equal(new Uri("mqtt://127.0.0.1:1883"), Assert.Single(options.Broker.Uris));

        var emptied = new Dictionary<string, string?>(defaults) { ["Terminal:Window"] = string.Empty };
        Assert.Contains("Terminal:Window: must not be empty", Assert.Throws<ConfigurationError>(() => Read(emptied, simulate: true)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredWindowSetting_ReachesTheWindowSettings()
    {
        var options = Read(new Dictionary<string, string?>(Valid) { ["Terminal:Rating:Cooldown"] = "00:00:07", ["terminal:rating:mode"] = "FREE" });

        Assert.Equal(TimeSpan.FromSeconds(7), options.WindowSettings.Get(TerminalSettings.Rating.Cooldown));
        Assert.Equal(RatingMode.Free, options.WindowSettings.Get(TerminalSettings.Rating.Mode));
    }

    [Fact]
    public void SectionGivenWhereAValueBelongs_IsRefused()
    {
        var settings = new Dictionary<string, string?>(Valid) { ["Terminal:Rating:Cooldown:Seconds"] = "3" };

        Assert.Contains("Terminal:Rating:Cooldown: is a single value", Assert.Throws<ConfigurationError>(() => Read(settings)).Message, StringComparison.Ordinal);
    }

    private static TerminalOptions Read(IReadOnlyDictionary<string, string?> values, bool simulate = false) =>
        new TerminalOptionsReader(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).Read(simulate, Boards);
}
