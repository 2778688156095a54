using Terminal.PowerCut.Campaign;

namespace Terminal.PowerCut.Tests.Campaign;

public sealed class LayerCheckTests
{
    private static readonly string[] Log = ["roster-sent 1003", "roster-cached 1003", "config-sent 00:00:04", "config-confirmed 00:00:04", "roster-sent 1007", "config-sent 00:00:08"];

    [Fact]
    public void ConfirmedVersions_AreTheOldOnes()
    {
        Assert.Empty(LayerCheck.Check(new LayerFiles(Roster(1003), Settings("00:00:04"), null), Log));
    }

    [Fact]
    public void VersionsSentButNotYetConfirmed_AreTheNewOnes()
    {
        Assert.Empty(LayerCheck.Check(new LayerFiles(Roster(1007), Settings("00:00:08"), null), Log));
    }

    [Fact]
    public void OlderThanConfirmed_IsReported()
    {
        var problems = LayerCheck.Check(new LayerFiles(Roster(1001), Settings("00:00:02"), null), Log).ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains("version 1001", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAfterConfirmation_IsReported()
    {
        Assert.Equal(2, LayerCheck.Check(new LayerFiles(null, null, null), Log).Count());
    }

    [Fact]
    public void TornFiles_AreReported()
    {
        var roster = Roster(1003);
        var mixed = roster.Replace("Staff 7 of roster v1003", "Staff 7 of roster v1001", StringComparison.Ordinal);

        Assert.Single(LayerCheck.Check(new LayerFiles(roster[..(roster.Length / 2)], Settings("00:00:04"), null), Log));
        Assert.Single(LayerCheck.Check(new LayerFiles(mixed, Settings("00:00:04"), null), Log));
        Assert.Single(LayerCheck.Check(new LayerFiles(roster, "{\"Terminal\":{\"Attendance\":{\"Dupli", null), Log));
        Assert.Single(LayerCheck.Check(new LayerFiles(roster, Settings("00:00:04"), "\0\0\0\0"), Log));
    }

    [Fact]
    public void NothingSent_NothingExpected()
    {
        Assert.Empty(LayerCheck.Check(new LayerFiles(null, null, null), []));
    }

    private static string Roster(int version) =>
        $$"""{"version":{{version}},"staff":[{{string.Join(',', Enumerable.Range(1, 40).Select(k => $$"""{"staff":"S-{{k}}","name":"Staff {{k}} of roster v{{version}}","cards":[]}"""))}}]}""";

    private static string Settings(string window) =>
        "{\"Terminal\":{\"Rating\":{},\"Attendance\":{\"DuplicateWindow\":\"" + window + "\"}}}";
}
