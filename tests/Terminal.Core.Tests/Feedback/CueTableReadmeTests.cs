using System.Runtime.CompilerServices;
using Terminal.Core.Feedback;

namespace Terminal.Core.Tests.Feedback;

/// <summary>The feedback table in src/Terminal.Core/README.md is the one in the code.</summary>
public sealed class CueTableReadmeTests
{
    [Fact]
    public void Readme_ContainsTheCueTableAsGenerated()
    {
        var readme = File.ReadAllText(Path.Combine(SourceDirectory(), "..", "..", "..", "src", "Terminal.Core", "README.md"));

        var expected = CueTable.ToMarkdown().ReplaceLineEndings("\n");
        Assert.True(readme.ReplaceLineEndings("\n").Contains(expected, StringComparison.Ordinal), $"README table is stale; it should read:\n{expected}");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
