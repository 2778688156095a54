using System.Text;
using System.Text.RegularExpressions;
using Terminal.Host.FrontPanel;

namespace Terminal.Host.Tests.FrontPanel;

/// <summary>docs/front-panel.md#what-the-page-loads: the page is served by the host and loads nothing from outside.</summary>
public partial class PanelAssetsTests
{
    private static readonly PanelAssets Assets = new();

    [Fact]
    public void ThePage_ItsStyleAndScript_AreInsideTheProgram()
    {
        Assert.Equal(["board.js", "index.html", "panel.css", "panel.js"], Assets.Files.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("board.js")]
    [InlineData("index.html")]
    [InlineData("panel.css")]
    [InlineData("panel.js")]
    public void NoFile_NamesAnotherHost(string file)
    {
        var text = Text(file);

        Assert.DoesNotMatch(ExternalUrl(), text);
        Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePage_HasNoInlineScriptOrStyle_SoTheStrictPolicyHolds()
    {
        var html = Text("index.html");

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineHandler(), html);
        Assert.Contains("default-src 'none'", ListenerSeparation.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    private static string Text(string file)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var result = (Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult)Assets.Serve(context, file);
        return Encoding.UTF8.GetString(result.FileContents.Span);
    }

    [GeneratedRegex(@"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+=")]
    private static partial Regex InlineHandler();
}
