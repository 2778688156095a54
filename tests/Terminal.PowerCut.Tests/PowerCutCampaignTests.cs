using Terminal.PowerCut.Campaign;
using Xunit.Abstractions;

namespace Terminal.PowerCut.Tests;

/// <summary>
/// Issue 15 in CI: two power cuts of the whole terminal in the gpio-sim VM (tests/Terminal.PowerCut/README.md),
/// then a check boot. The long campaign is <c>Terminal.PowerCut campaign --rounds N</c>.
/// </summary>
[Collection(GuestVmCollection.Name)]
public sealed class PowerCutCampaignTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoPowerCuts_DuringLoad_LoseNothing_ReuseNoSeq_TearNoLayer()
    {
        var log = new StringWriter();
        var options = new CampaignOptions { Rounds = 2, LoadWindow = TimeSpan.FromSeconds(25), StartupCutShare = 0 };

        var totals = new PowerCutCampaign(options, log).Run();

        output.WriteLine(log.ToString());
        Assert.True(totals.Reported > 0, "no event was reported committed before a cut: the campaign proved nothing");
        Assert.True(totals.Clean, $"{totals}\n{string.Join("\n", totals.Findings)}");
    }
}
