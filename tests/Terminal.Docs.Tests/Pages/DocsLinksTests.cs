using System.Text.RegularExpressions;

namespace Terminal.Docs.Tests.Pages;

/// <summary>The pages of docs/ can be navigated: every relative link and anchor resolves.</summary>
public sealed class DocsLinksTests
{
    public static TheoryData<string> Pages => [.. Directory.EnumerateFiles(MarkdownPage.Docs, "*.md").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryLink_PointsToAFileAndHeadingThatExist(string page)
    {
        var markdown = MarkdownPage.Load(Path.Combine(MarkdownPage.Docs, page));

        Assert.All(markdown.Links, link => AssertResolves(markdown.Path, link));
    }

    [Fact]
    public void EveryPage_IsLinkedFromTheIndex()
    {
        var index = MarkdownPage.Load(Path.Combine(MarkdownPage.Docs, "README.md"));
        var linked = index.Links.Select(l => l.Split('#')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(Directory.EnumerateFiles(MarkdownPage.Docs, "*.md").Select(Path.GetFileName).Where(p => p != "README.md"), p => Assert.Contains(p!, linked));
        Assert.Contains("asyncapi.yaml", linked);
    }

    [Fact]
    public void TheProjectReadme_SendsIntegratorsToDocs()
    {
        var readme = MarkdownPage.Load(Path.Combine(MarkdownPage.Root, "README.md"));

        Assert.Contains("docs/README.md", readme.Links);
        Assert.All(readme.Links.Where(l => l.StartsWith("docs/", StringComparison.Ordinal)), l => AssertResolves(readme.Path, l));
        Assert.DoesNotContain("../shared", readme.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsReferencesInSchemasAndTheAsyncApiDocument_Resolve()
    {
        var files = Directory.EnumerateFiles(Path.Combine(MarkdownPage.Docs, "schemas"), "*.json").Append(Path.Combine(MarkdownPage.Docs, "asyncapi.yaml"));
        var references = files.SelectMany(f => Regex.Matches(File.ReadAllText(f), @"docs/([\w.-]+\.md#[\w-]+)").Select(m => (File: f, Link: m.Groups[1].Value))).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => AssertResolves(Path.Combine(MarkdownPage.Docs, "README.md"), r.Link));
    }

    [Theory]
    [InlineData("session.open", "sessionopen")]
    [InlineData("Request and reply", "request-and-reply")]
    [InlineData("keys[]", "keys")]
    [InlineData("Fault codes", "fault-codes")]
    public void Slug_IsGitHubs(string heading, string anchor) => Assert.Equal(anchor, MarkdownPage.Slug(heading));

    private static void AssertResolves(string from, string link)
    {
        var (target, anchor) = link.Split('#') switch
        {
            [var t] => (t, null),
            [var t, var a] => (t, a),
            _ => throw new InvalidOperationException($"{from}: odd link {link}"),
        };
        var path = target.Length == 0 ? from : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from)!, target));
        Assert.True(File.Exists(path) || Directory.Exists(path), $"{from}: link {link} points to {path}, which does not exist");
        if (anchor is not null)
        {
            var anchors = MarkdownPage.Load(path).Anchors;
            Assert.True(anchors.Contains(anchor), $"{from}: link {link}: no heading with anchor #{anchor} in {path} (anchors: {string.Join(", ", anchors)})");
        }
    }
}
