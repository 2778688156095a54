using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Terminal.Cli.Tests;

/// <summary>docs/command-line.md gives every verb of terminalctl with all its arguments and options.</summary>
public sealed class CliVerbsDocsTests
{
    private static readonly string[] Synopsis = File.ReadAllLines(Path.Combine(SourceDirectory(), "..", "..", "docs", "command-line.md"))
        .Where(l => l.StartsWith("terminalctl ", StringComparison.Ordinal)).ToArray();

    public static TheoryData<string> Verbs => [.. Leaves(CliVerbs.CreateRoot(), "terminalctl").Select(l => l.Path)];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Verb_HasASynopsisLine_WithEveryArgumentAndOption(string path)
    {
        var command = Leaves(CliVerbs.CreateRoot(), "terminalctl").Single(l => l.Path == path).Command;

        var line = Synopsis.SingleOrDefault(l => l == path || l.StartsWith(path + " ", StringComparison.Ordinal));

        Assert.True(line is not null, $"docs/command-line.md has no synopsis line '{path} …'");
        Assert.All(command.Arguments, a => Assert.Contains($"<{a.Name}>", line, StringComparison.Ordinal));
        Assert.All(command.Options.Where(o => !o.Hidden), o => Assert.Contains(o.Name, line, StringComparison.Ordinal));
    }

    [Fact]
    public void GlobalOptions_AreDocumented()
    {
        var page = File.ReadAllText(Path.Combine(SourceDirectory(), "..", "..", "docs", "command-line.md"));
        var root = CliVerbs.CreateRoot();

        Assert.All(root.Options.Where(o => o.Recursive), o => Assert.Contains($"| `{o.Name}", page, StringComparison.Ordinal));
        Assert.Contains("/run/terminal/control.sock", page, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path) =>
        command.Subcommands.Count == 0
            ? [(path, command)]
            : command.Subcommands.SelectMany(c => Leaves(c, $"{path} {c.Name}"));

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
