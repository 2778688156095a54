using Terminal.Core.Screen;

namespace Terminal.Core.Tests.Screen;

/// <summary>docs/configuration.md#panel: the thank-you screen's review URL template.</summary>
public sealed class ReviewUrlTemplateTests
{
    private const string Template = "https://hall.example/review?hall={hall}&t={terminal}&s={session}&case={caseNo}";

    [Fact]
    public void Fill_ReplacesEveryPlaceholder_Escaped()
    {
        var url = ReviewUrlTemplate.Fill(Template, "H-01", "T-0412", "Q 1", "2026/0001&x");

        Assert.Equal("https://hall.example/review?hall=H-01&t=T-0412&s=Q%201&case=2026%2F0001%26x", url);
    }

    [Fact]
    public void Fill_WithoutACase_LeavesItEmpty()
    {
        Assert.EndsWith("&case=", ReviewUrlTemplate.Fill(Template, "H", "T", "S", null), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AcceptsTheKnownPlaceholders()
    {
        Assert.Null(ReviewUrlTemplate.Check(Template));
        Assert.Null(ReviewUrlTemplate.Check("http://hall/review"));
    }

    [Theory]
    [InlineData("https://hall/review?c={case}", "unknown placeholder {case}")]
    [InlineData("https://hall/{Session}", "unknown placeholder {Session}")]
    [InlineData("https://hall/{}", "unknown placeholder {}")]
    [InlineData("hall/review/{session}", "is not an absolute http or https URL")]
    [InlineData("ftp://hall/{session}", "is not an absolute http or https URL")]
    public void Check_RefusesWithTheReason(string template, string reason)
    {
        Assert.Contains(reason, ReviewUrlTemplate.Check(template), StringComparison.Ordinal);
    }
}
