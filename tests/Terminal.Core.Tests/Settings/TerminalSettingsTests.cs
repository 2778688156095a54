using Terminal.Core.Settings;

namespace Terminal.Core.Tests.Settings;

/// <summary>The settings table: one entry per key, each with a sound default and rule.</summary>
public sealed class TerminalSettingsTests
{
    [Fact]
    public void Keys_AreUnique_AndAllUnderTerminal()
    {
        var keys = TerminalSettings.All.Select(s => s.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(keys, k => Assert.StartsWith("Terminal:", k, StringComparison.Ordinal));
        Assert.Contains("Terminal:Rating:StuckAfter", keys);
        Assert.Contains("Terminal:Broker:Uris", keys);
    }

    [Fact]
    public void EveryDefault_ReadsBackAsItself_AndIsInRange()
    {
        foreach (var setting in TerminalSettings.All.Where(s => s.DefaultText is not null))
        {
            Assert.True(setting.TryParseText(setting.DefaultText!, out var value, out var reason), $"{setting.Key}: {reason}");
            Assert.Equal(setting.DefaultText, setting.FormatValue(value!));
            Assert.Null(setting.CheckValue(value!));
        }
    }

    [Fact]
    public void EverySetting_SaysWhatItDoesAndWhatItAccepts()
    {
        Assert.All(TerminalSettings.All, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Meaning), s.Key);
            Assert.False(string.IsNullOrWhiteSpace(s.Rule), s.Key);
        });
    }

    [Fact]
    public void SettableAtRunTime_AreTheRatingAndAttendanceRules()
    {
        Assert.Equal(
            ["Terminal:Rating:Mode", "Terminal:Rating:SessionTimeout", "Terminal:Rating:ReasonTimeout", "Terminal:Rating:Cooldown", "Terminal:Rating:StuckAfter", "Terminal:Attendance:DuplicateWindow"],
            TerminalSettings.SettableAtRunTime.Select(s => s.Key));
    }

    [Theory]
    [InlineData("Terminal:Rating:Cooldown", "5", "'5' is not a duration")]
    [InlineData("Terminal:Rating:Cooldown", "00:02:00", "must be between 00:00:00 and 00:01:00 (was 00:02:00)")]
    [InlineData("Terminal:Buffer:MaxEvents", "0", "must be at least 1 (was 0)")]
    [InlineData("Terminal:Broker:AllowInsecure", "yes", "'yes' is not true or false")]
    [InlineData("Terminal:TerminalId", "T 1", "'T 1' is not a valid id")]
    public void BadValue_IsRefusedWithAReason(string key, string text, string reason)
    {
        var setting = TerminalSettings.Find(key)!;

        Assert.False(setting.TryParseText(text, out _, out var why));
        Assert.StartsWith(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_IsCaseInsensitive_AsConfigurationIs()
    {
        Assert.Same(TerminalSettings.Rating.Cooldown, TerminalSettings.Find("terminal:rating:cooldown"));
        Assert.Null(TerminalSettings.Find("Terminal:Rating:Colldown"));
    }
}
