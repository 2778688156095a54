using System.Text.RegularExpressions;
using Terminal.Core.Settings;
using Terminal.TestUtils.Contract;

namespace Terminal.Core.Tests.Settings;

/// <summary>docs/configuration.md documents exactly the settings table: every key once, with its default.</summary>
public sealed partial class ConfigurationPageTests
{
    private static readonly IReadOnlyList<(string Key, string Default)> Rows =
        [.. KeyRow().Matches(File.ReadAllText(ContractFiles.Configuration)).Select(m => (m.Groups["key"].Value, m.Groups["default"].Value))];

    [Fact]
    public void EverySetting_HasARow_AndEveryRowIsASetting()
    {
        var documented = Rows.Select(r => r.Key).ToList();

        Assert.Equal(TerminalSettings.All.Select(s => s.Key).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryDefault_IsTheOneInTheTable()
    {
        Assert.All(TerminalSettings.All.Where(s => s.DefaultText is not null), s =>
        {
            var cell = Rows.Single(r => r.Key == s.Key).Default;
            Assert.True(cell.StartsWith($"`{s.DefaultText}`", StringComparison.OrdinalIgnoreCase), $"{s.Key}: the page says '{cell}', the default is {s.DefaultText}");
        });
    }

    [Fact]
    public void ThePanelsKeys_AreDocumented()
    {
        Assert.Equal(
            ["Terminal:Panel:Listen", "Terminal:Panel:AllowRemote", "Terminal:Panel:Touch", "Terminal:Panel:ReviewUrl"],
            Rows.Select(r => r.Key).Where(k => k.StartsWith("Terminal:Panel:", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^\| `(?<key>Terminal:[A-Za-z:]+)` \| (?<default>[^|]*?) *\|", RegexOptions.Multiline)]
    private static partial Regex KeyRow();
}
