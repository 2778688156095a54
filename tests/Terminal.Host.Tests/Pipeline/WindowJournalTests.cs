using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Settings;
using Terminal.Host.Pipeline;

namespace Terminal.Host.Tests.Pipeline;

public sealed class WindowJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("journal-").FullName;

    [Fact]
    public void SaveSettings_WritesOnlyWhatChanged_MergedWithEarlierChanges()
    {
        var journal = new WindowJournal(_dir, NullLogger<WindowJournal>.Instance);
        var defaults = WindowSettings.Default;
        var cooler = defaults with { Rating = defaults.Rating with { Cooldown = TimeSpan.FromSeconds(5) } };
        var free = cooler with { Rating = cooler.Rating with { Mode = RatingMode.Free } };

        journal.SaveSettings(defaults, cooler);
        journal.SaveSettings(cooler, free);

        var layer = new ConfigurationBuilder().AddJsonFile(WindowJournal.SettingsPath(_dir)).Build();
        Assert.Equal("00:00:05", layer["Terminal:Rating:Cooldown"]);
        Assert.Equal("free", layer["Terminal:Rating:Mode"]);
        Assert.Null(layer["Terminal:Rating:SessionTimeout"]);
        Assert.Null(layer["Terminal:Attendance:DuplicateWindow"]);
        using var json = JsonDocument.Parse(File.ReadAllText(WindowJournal.SettingsPath(_dir)));
        Assert.Equal(2, json.RootElement.GetProperty("Terminal").GetProperty("Rating").EnumerateObject().Count());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
