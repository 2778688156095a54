using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Terminal.Core.Settings;
using Terminal.Host.Journal;

namespace Terminal.Host.Tests.Journal;

public sealed class SettingsLayerFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("settings-layer-").FullName;

    [Fact]
    public void Save_WritesOnlyWhatChanged_MergedWithEarlierChanges()
    {
        var file = new SettingsLayerFile(_dir);
        var defaults = WindowSettings.Default;
        var cooler = defaults.With(TerminalSettings.Rating.Cooldown, TimeSpan.FromSeconds(5));
        var free = cooler.With(TerminalSettings.Rating.Mode, RatingMode.Free);

        file.Save(defaults, cooler);
        file.Save(cooler, free);

        var layer = new ConfigurationBuilder().AddJsonFile(file.FilePath).Build();
        Assert.Equal("00:00:05", layer["Terminal:Rating:Cooldown"]);
        Assert.Equal("free", layer["Terminal:Rating:Mode"]);
        Assert.Null(layer["Terminal:Rating:SessionTimeout"]);
        Assert.Null(layer["Terminal:Attendance:DuplicateWindow"]);
        using var json = JsonDocument.Parse(File.ReadAllText(file.FilePath));
        Assert.Equal(2, json.RootElement.GetProperty("Terminal").GetProperty("Rating").EnumerateObject().Count());
    }

    [Fact]
    public void Save_KeepsKeysItDidNotWrite()
    {
        var file = new SettingsLayerFile(_dir);
        File.WriteAllText(file.FilePath, """{"Terminal":{"Attendance":{"DuplicateWindow":"00:02:00"}}}""");

        file.Save(WindowSettings.Default, WindowSettings.Default.With(TerminalSettings.Rating.StuckAfter, TimeSpan.FromSeconds(20)));

        var layer = new ConfigurationBuilder().AddJsonFile(file.FilePath).Build();
        Assert.Equal("00:02:00", layer["Terminal:Attendance:DuplicateWindow"]);
        Assert.Equal("00:00:20", layer["Terminal:Rating:StuckAfter"]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
