using Terminal.Core.Feedback;

namespace Terminal.Core.Tests.Feedback;

/// <summary>The feedback table: one pattern per cue, and the README form of it.</summary>
public sealed class CueTableTests
{
    [Fact]
    public void EveryCueKind_HasExactlyOnePattern()
    {
        Assert.Equal(Enum.GetValues<CueKind>().Order(), CueTable.All.Select(p => p.Kind).Order());
    }

    [Fact]
    public void BuzzerPatterns_StartWithOnAndHaveAnOddNumberOfPositiveSteps()
    {
        Assert.All(CueTable.All, p =>
        {
            Assert.True(p.Buzzer.Count == 0 || p.Buzzer.Count % 2 == 1, $"{p.Kind} ends on a gap");
            Assert.All(p.Buzzer, ms => Assert.InRange(ms, 20, 2000));
        });
    }

    [Fact]
    public void TransientCues_LeaveTheSteadyStateUnderneath()
    {
        Assert.All(CueTable.All.Where(p => p.RatingLeds == LedMode.Unchanged), p => Assert.NotNull(p.Hold));
    }

    [Fact]
    public void Prompting_BlinksTheRatingKeysWithThePromptPhrase()
    {
        var prompting = CueTable.For(CueKind.Prompting);

        Assert.Equal(LedMode.Blink, prompting.RatingLeds);
        Assert.Equal("您好，请您对我的服务做出评价", prompting.Voice);
    }

    [Fact]
    public void Markdown_HasARowPerCue()
    {
        var lines = CueTable.ToMarkdown().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(CueTable.All.Count + 2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("| Thanks | off | on |", StringComparison.Ordinal));
    }
}
