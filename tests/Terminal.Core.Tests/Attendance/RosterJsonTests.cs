using System.Text;
using Terminal.Core.Attendance;

namespace Terminal.Core.Tests.Attendance;

/// <summary>docs/mqtt.md#roster: the roster's wire form, its validation and its cache round trip.</summary>
public sealed class RosterJsonTests
{
    private const string SpecExample =
        """{"version": 17, "staff": [{"staff":"S-1034","name":"张敏","title":"综合窗口","cards":["H10301:12:34567"]}]}""";

    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

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
        Assert.Equal(roster.Staff[0] with { Cards = [], Badges = [] }, again.Staff[0] with { Cards = [], Badges = [] });
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
        var roster = Parse("""{"version":2,"issued":"x","staff":[{"staff":"S-1","phone":"1234","room":{"floor":2},"cards":[]}]}""");

        Assert.Equal("S-1", Assert.Single(roster.Staff).Staff);
    }

    [Fact]
    public void DisplayFields_AreReadForTheIdentityCard()
    {
        var roster = Parse($$"""
            {"version":3,"staff":[{"staff":"S-1034","name":"张敏","title":"综合窗口","cards":[],
              "photo":{"url":"http://hall.local/photos/S-1034.jpg","sha256":"{{Sha.ToUpperInvariant()}}","size":123},
              "pledge":"微笑服务，一次办好","badges":["party-member","model-post","youth-post"],"stars":5}]}
            """);

        var entry = Assert.Single(roster.Staff);
        Assert.Equal(new RosterPhoto("http://hall.local/photos/S-1034.jpg", Sha), entry.Photo);
        Assert.Equal("微笑服务，一次办好", entry.Pledge);
        Assert.Equal(["party-member", "model-post", "youth-post"], entry.Badges);
        Assert.Equal(5, entry.Stars);
    }

    [Fact]
    public void DisplayFields_AreOptional()
    {
        var entry = Assert.Single(Parse(SpecExample).Staff);

        Assert.Null(entry.Photo);
        Assert.Null(entry.Pledge);
        Assert.Empty(entry.Badges);
        Assert.Null(entry.Stars);
    }

    [Fact]
    public void DisplayFields_SurviveTheCacheRoundTrip()
    {
        var roster = Parse($$"""{"version":3,"staff":[{"staff":"S-1","photo":{"url":"https://hall/p.png","sha256":"{{Sha}}"},"pledge":"p","badges":["model-post"],"stars":4}]}""");

        var again = Assert.Single(Parse(Encoding.UTF8.GetString(RosterJson.Serialize(roster))).Staff);

        Assert.Equal(roster.Staff[0].Photo, again.Photo);
        Assert.Equal(("p", 4), (again.Pledge, again.Stars));
        Assert.Equal(["model-post"], again.Badges);
    }

    [Theory]
    [InlineData("""{"photo":"p.jpg"}""", "roster.staff[0].photo: must be an object")]
    [InlineData("""{"photo":{"url":"ftp://hall/p.jpg","sha256":"SHA"}}""", "roster.staff[0].photo.url")]
    [InlineData("""{"photo":{"url":"/photos/p.jpg","sha256":"SHA"}}""", "roster.staff[0].photo.url")]
    [InlineData("""{"photo":{"url":"http://hall/p.jpg","sha256":"abc"}}""", "roster.staff[0].photo.sha256")]
    [InlineData("""{"photo":{"url":"http://hall/p.jpg"}}""", "roster.staff[0].photo.sha256")]
    [InlineData("""{"pledge":7}""", "roster.staff[0].pledge")]
    [InlineData("""{"badges":"party-member"}""", "roster.staff[0].badges")]
    [InlineData("""{"badges":[""]}""", "roster.staff[0].badges")]
    [InlineData("""{"stars":6}""", "roster.staff[0].stars: must be a whole number from 1 to 5")]
    [InlineData("""{"stars":4.5}""", "roster.staff[0].stars")]
    public void MalformedDisplayField_IsRefusedNamingIt(string fields, string expected)
    {
        var json = """{"version":1,"staff":[{"staff":"S-1",""" + fields.Replace("SHA", Sha, StringComparison.Ordinal)[1..] + "]}";

        Assert.Contains(expected, ErrorOf(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_IsReplacedByAnyRoster()
    {
        Assert.True(Roster.Empty.IsReplacedBy(new Roster(0, [])));
    }
}
