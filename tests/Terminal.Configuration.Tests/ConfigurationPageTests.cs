using System.Text.RegularExpressions;
using Terminal.Core.Settings;

namespace Terminal.Configuration.Tests;

/// <summary>
/// docs/configuration.md documents the settings table (<see cref="TerminalSettings"/>): a row per
/// setting, with its default, and for durations and counts its range, as the terminal applies them.
/// </summary>
public sealed partial class ConfigurationPageTests
{
    private static readonly Dictionary<string, DocumentedSetting> Page = ReadPage();

    public static TheoryData<string> Keys => [.. TerminalSettings.All.Select(s => s.Key)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void EverySetting_HasARow_WithItsDefault(string key)
    {
        var setting = TerminalSettings.Find(key)!;

        Assert.True(Page.TryGetValue(key, out var row), $"docs/configuration.md has no row for {key}");
        if (setting.Required)
        {
            Assert.StartsWith("required", row.Default, StringComparison.Ordinal);
        }
        else if (setting.DefaultText is { } value)
        {
            Assert.True(row.Default.StartsWith($"`{value}`", StringComparison.Ordinal), $"{key}: the table's default is {value}, the page says '{row.Default}'");
        }
        else
        {
            Assert.True(row.Default.StartsWith("none", StringComparison.Ordinal), $"{key} has no default; the page says '{row.Default}'");
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void DurationAndCountRanges_AreTheTables(string key)
    {
        var setting = TerminalSettings.Find(key)!;
        Assert.True(Page.TryGetValue(key, out var row), $"docs/configuration.md has no row for {key}");

        switch (setting)
        {
            case DurationSetting duration when duration.Max < TimeSpan.FromHours(12):
                Assert.Equal($"`{duration.Format(duration.Min)}` to `{duration.Format(duration.Max)}`", row.Range);
                break;
            case CountSetting count when count.Max != long.MaxValue:
                Assert.Equal($"{count.Min} to {count.Max}", row.Range);
                break;
            case CountSetting count:
                Assert.Equal($"a whole number ≥ {count.Min}", row.Range);
                break;
        }
    }

    private static Dictionary<string, DocumentedSetting> ReadPage()
    {
        var page = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "configuration.md"));
        return page.Select(l => Row().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["key"].Value, m => new DocumentedSetting(m.Groups["default"].Value.Trim(), m.Groups["range"].Value.Trim()), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\| `(?<key>Terminal:[A-Za-z:]+)` \|(?<default>[^|]*)\|(?<range>[^|]*)\|")]
    private static partial Regex Row();

    private sealed record DocumentedSetting(string Default, string Range);
}
