using System.Text;
using Terminal.Core.Attendance;

namespace Terminal.Core.Tests.Attendance;

/// <summary>docs/mqtt.md#roster: the roster's wire form, its validation and its cache round trip.</summary>
public sealed class RosterJsonTests
{
    private const string SpecExample =
        """{"version": 17, "staff": [{"staff":"S-1034","name":"张敏","title":"综合窗口","cards":["H10301:12:34567"]}]}""";

    private static Roster Parse(string json)
    {
        Assert.True(RosterJson.TryParse(Encoding.UTF8.GetBytes(json), out var roster, out var error), error);
        return roster!;
    }

    private static string ErrorOf(string json)
    {
        Assert.False(RosterJson.TryParse(Encoding.UTF8.GetBytes(json), out var roster, out var error));
        Assert.Null(roster);
        return error;
    }

    [Fact]
    public void SpecExample_ParsesAndFindsTheCard()
    {
        var roster = Parse(SpecExample);

        Assert.Equal(17, roster.Version);
        Assert.Equal("张敏", roster.Find(new BadgeSwipe("H10301", 12, 34567))?.Name);
        Assert.Null(roster.Find(new BadgeSwipe("H10301", 13, 34567)));
    }

    [Fact]
    public void CardLookup_IgnoresLeadingZerosAndFormatCase()
    {
        var roster = Parse("""{"version":1,"staff":[{"staff":"S-1","cards":["h10301:012:0034567","C1K35S::77"]}]}""");

        Assert.Equal("S-1", roster.Find(new BadgeSwipe("H10301", 12, 34567))?.Staff);
        Assert.Equal("S-1", roster.Find(new BadgeSwipe("c1k35s", null, 77))?.Staff);
    }

    [Fact]
    public void SerializeThenParse_GivesTheSameRoster()
    {
        var roster = Parse(SpecExample);

        var again = Parse(Encoding.UTF8.GetString(RosterJson.Serialize(roster)));

        Assert.Equal(roster.Version, again.Version);
        Assert.Equal(roster.Staff[0] with { Cards = [] }, again.Staff[0] with { Cards = [] });
        Assert.Equal(roster.Staff[0].Cards, again.Staff[0].Cards);
        Assert.Contains("\"version\":17", Encoding.UTF8.GetString(RosterJson.Serialize(roster)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"staff":[]}""", "roster.version")]
    [InlineData("""{"version":"17","staff":[]}""", "roster.version")]
    [InlineData("""{"version":-1,"staff":[]}""", "roster.version")]
    [InlineData("""{"version":1}""", "roster.staff")]
    [InlineData("""{"version":1,"staff":[{"name":"x"}]}""", "roster.staff[0].staff")]
    [InlineData("""{"version":1,"staff":[{"staff":"S-1","cards":["H10301:x:1"]}]}""", "facility 'x'")]
    [InlineData("""{"version":1,"staff":[{"staff":"S-1","cards":[42]}]}""", "roster.staff[0].cards")]
    [InlineData("""{"version":1,"staff":[{"staff":"S-1","name":5}]}""", "name and title")]
    [InlineData("""{"version":1,"staff":[{"staff":"S-1","cards":["H10301:1:2"]},{"staff":"S-2","cards":["H10301:01:2"]}]}""", "also belongs to S-1")]
    [InlineData("""{"version":1,"staff":[{"staff":"S-1"},{"staff":"S-1"}]}""", "appears twice")]
    public void InvalidRoster_IsRefusedWithAReasonNamingTheField(string json, string expected)
    {
        Assert.Contains(expected, ErrorOf(json), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFields_AreIgnored()
    {
        var roster = Parse("""{"version":2,"issued":"x","staff":[{"staff":"S-1","photo":"p.jpg","cards":[]}]}""");

        Assert.Equal("S-1", Assert.Single(roster.Staff).Staff);
    }

    [Fact]
    public void Empty_IsReplacedByAnyRoster()
    {
        Assert.True(Roster.Empty.IsReplacedBy(new Roster(0, [])));
    }
}
