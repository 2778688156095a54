using System.Text.Json;
using Terminal.Core.Settings;

namespace Terminal.Core.Tests.Settings;

/// <summary>SPEC §6: settings defaults, validation messages naming the key, persisted form.</summary>
public sealed class WindowSettingsTests
{
    [Fact]
    public void Defaults_AreThoseOfTheSpec_AndValid()
    {
        var settings = WindowSettings.Default;

        Assert.Equal(
            (RatingMode.Session, 30, 3, 10),
            (settings.Get(TerminalSettings.Rating.Mode), settings.Get(TerminalSettings.Rating.SessionTimeout).TotalSeconds, settings.Get(TerminalSettings.Rating.Cooldown).TotalSeconds, settings.Get(TerminalSettings.Rating.StuckAfter).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(60), settings.Get(TerminalSettings.Attendance.DuplicateWindow));
        Assert.Empty(WindowSettings.Default.Validate());
    }

    [Theory]
    [InlineData("SessionTimeout", "Terminal:Rating:SessionTimeout: must be between 00:00:05 and 00:30:00 (was 00:00:01)")]
    [InlineData("ReasonTimeout", "Terminal:Rating:ReasonTimeout: must be between 00:00:03 and 00:05:00 (was 00:00:01)")]
    [InlineData("StuckAfter", null)]
    [InlineData("DuplicateWindow", null)]
    public void Validate_ValueOutOfRange_NamesTheKeyAndTheReason(string key, string? expected)
    {
        var second = TimeSpan.FromSeconds(1);
        var settings = key switch
        {
            "SessionTimeout" => WindowSettings.Default.With(TerminalSettings.Rating.SessionTimeout, second),
            "ReasonTimeout" => WindowSettings.Default.With(TerminalSettings.Rating.ReasonTimeout, second),
            "StuckAfter" => WindowSettings.Default.With(TerminalSettings.Rating.StuckAfter, TimeSpan.FromHours(1)),
            _ => WindowSettings.Default.With(TerminalSettings.Attendance.DuplicateWindow, -second),
        };

        var error = Assert.Single(settings.Validate());

        Assert.StartsWith(key == "DuplicateWindow" ? "Terminal:Attendance:DuplicateWindow:" : $"Terminal:Rating:{key}:", error, StringComparison.Ordinal);
        if (expected is not null)
        {
            Assert.Equal(expected, error);
        }
    }

    [Fact]
    public void Validate_UndefinedMode_IsRefused()
    {
        var settings = WindowSettings.Default.With(TerminalSettings.Rating.Mode, (RatingMode)7);

        Assert.StartsWith("Terminal:Rating:Mode:", Assert.Single(settings.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void SerializeForConfiguration_WritesTheTerminalSectionWithTimeSpanStrings()
    {
        using var json = JsonDocument.Parse(SettingsJson.Serialize(WindowSettings.Default));

        var terminal = json.RootElement.GetProperty("Terminal");
        Assert.Equal("session", terminal.GetProperty("Rating").GetProperty("Mode").GetString());
        Assert.Equal("00:00:30", terminal.GetProperty("Rating").GetProperty("SessionTimeout").GetString());
        Assert.Equal("00:01:00", terminal.GetProperty("Attendance").GetProperty("DuplicateWindow").GetString());
    }
}
