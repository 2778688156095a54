using Terminal.Core.Feedback;
using Terminal.Host.FrontPanel;

namespace Terminal.Host.Tests.FrontPanel;

/// <summary>docs/front-panel.md#the-live-feed: an LED a cue lights waits for the loop's snapshot, so both show in one frame.</summary>
public sealed class PanelCuesTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void ShownCues_MakeASnapshotDue_UntilItIsPublished()
    {
        var cues = new PanelCues(_time);
        Assert.False(cues.SnapshotDue);

        cues.Show([new Cue(CueKind.Thanks, "k5")]);
        var due = cues.SnapshotDue;
        cues.Published();

        Assert.True(due);
        Assert.False(cues.SnapshotDue);
    }

    [Fact]
    public void CuesWithNoSnapshot_AsTheSelfTestShowsThem_HoldNothingBackForLongerThanTheBound()
    {
        var cues = new PanelCues(_time);
        cues.Show([new Cue(CueKind.Prompting)]);

        _time.Advance(PanelCues.Bound - TimeSpan.FromMilliseconds(1));
        var within = cues.SnapshotDue;
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(within);
        Assert.False(cues.SnapshotDue);
    }
}
