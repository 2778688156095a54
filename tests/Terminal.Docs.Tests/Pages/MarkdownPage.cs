using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Terminal.Docs.Tests.Pages;

/// <summary>A Markdown page of the source tree: its links and its headings' anchors as GitHub makes them.</summary>
internal sealed partial class MarkdownPage
{
    private MarkdownPage(string path)
    {
        Path = path;
        Text = File.ReadAllText(path);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(OutsideCode(Text)))
        {
            var slug = Slug(heading.Groups[1].Value);
            var count = seen.GetValueOrDefault(slug);
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            seen[slug] = count + 1;
        }

        Anchors = anchors;
    }

    /// <summary>The repository's root, from this file's place in the source tree.</summary>
    public static string Root { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(SourceDirectory(), "..", "..", ".."));

    /// <summary>The repository's <c>docs/</c>.</summary>
    public static string Docs { get; } = System.IO.Path.Combine(Root, "docs");

    public string Path { get; }

    public string Text { get; }

    /// <summary>Anchors of the headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered.</summary>
    public IReadOnlySet<string> Anchors { get; }

    /// <summary>Relative link targets outside code, e.g. <c>mqtt.md#status</c>, <c>schemas/</c>.</summary>
    public IEnumerable<string> Links =>
        Link().Matches(OutsideCode(Text)).Select(m => m.Groups[1].Value).Where(t => !t.Contains("://", StringComparison.Ordinal));

    public static MarkdownPage Load(string path) => new(System.IO.Path.GetFullPath(path));

    public static string Slug(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{N}\s_-]", string.Empty).Replace(' ', '-');

    private static string OutsideCode(string text) => Regex.Replace(Regex.Replace(text, "```.*?```", string.Empty, RegexOptions.Singleline), "`[^`\n]*`", "``");

    private static string SourceDirectory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path)!;

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
