using System.Text;
using System.Text.Json;
using Terminal.Core.Attendance;
using Terminal.TestUtils.Contract;

namespace Terminal.Core.Tests.Attendance;

/// <summary>docs/schemas/roster.schema.json says what RosterJson takes, and the cached form is a roster too.</summary>
public sealed class RosterSchemaTests
{
    public static TheoryData<string> Rosters => new()
    {
        """{"version":17,"staff":[{"staff":"S-1034","name":"张敏","title":"综合窗口","cards":["H10301:12:34567"]}]}""",
        """{"version":0,"staff":[]}""",
        """{"version":3,"staff":[{"staff":"S-1"},{"staff":"S-2","name":null,"title":null,"cards":null}]}""",
        """{"version":3,"staff":[{"staff":"S-1","cards":["H10301::34567","h10301:34568","34bit:0:1"]}]}""",
        """{"version":3,"staff":[{"staff":"S-1","pledge":"热情服务","stars":5,"badges":["party-member"],"photo":{"url":"https://hall/p.jpg","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}],"issuedBy":"hall"}""",
        """{"version":-1,"staff":[]}""",
        """{"version":"17","staff":[]}""",
        """{"version":1.5,"staff":[]}""",
        """{"staff":[]}""",
        """{"version":1}""",
        """{"version":1,"staff":{}}""",
        """{"version":1,"staff":["S-1"]}""",
        """{"version":1,"staff":[{"name":"张敏"}]}""",
        """{"version":1,"staff":[{"staff":""}]}""",
        """{"version":1,"staff":[{"staff":"   "}]}""",
        """{"version":1,"staff":[{"staff":5}]}""",
        """{"version":1,"staff":[{"staff":"S-1","name":5}]}""",
        """{"version":1,"staff":[{"staff":"S-1","cards":"H10301:12:34567"}]}""",
        """{"version":1,"staff":[{"staff":"S-1","cards":[34567]}]}""",
        """{"version":1,"staff":[{"staff":"S-1","cards":["H10301"]}]}""",
        """{"version":1,"staff":[{"staff":"S-1","cards":[":12:34567"]}]}""",
        """{"version":1,"staff":[{"staff":"S-1","cards":["H10301:x:34567"]}]}""",
        """{"version":1,"staff":[{"staff":"S-1","cards":["H10301:-1:34567"]}]}""",
        """{"version":1,"staff":[{"staff":"S-1","cards":["H10301:12:34567:9"]}]}""",
        """[]""",
    };

    [Theory]
    [MemberData(nameof(Rosters))]
    public void Schema_AndRosterJson_AgreeOnTheRoster(string roster)
    {
        var parsed = RosterJson.TryParse(Encoding.UTF8.GetBytes(roster), out _, out var error);
        var violations = PayloadSchemas.Check("roster", JsonDocument.Parse(roster).RootElement);

        Assert.True(
            parsed == (violations.Count == 0),
            parsed ? $"RosterJson takes {roster}, the schema refuses it:\n  {string.Join("\n  ", violations)}" : $"RosterJson refuses {roster} ({error}), the schema accepts it");
    }

    [Theory]
    [InlineData("""{"version":1,"staff":[{"staff":"S-1"},{"staff":"S-1"}]}""")]
    [InlineData("""{"version":1,"staff":[{"staff":"S-1","cards":["H10301:12:1"]},{"staff":"S-2","cards":["h10301:012:001"]}]}""")]
    public void RulesAcrossEntries_AreTheParsersAlone_AndTheSchemaSaysSo(string roster)
    {
        Assert.False(RosterJson.TryParse(Encoding.UTF8.GetBytes(roster), out _, out _));
        Assert.Empty(PayloadSchemas.Check("roster", JsonDocument.Parse(roster).RootElement));
        using var schema = JsonDocument.Parse(File.ReadAllText(ContractFiles.SchemaFiles["roster"]));
        Assert.Contains("appears twice", schema.RootElement.GetProperty("description").GetString()!.Replace("a staff id appears twice", "appears twice", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void CachedRoster_IsARoster()
    {
        var roster = new Roster(17, [new RosterEntry("S-1034", "张敏", null, ["H10301:12:34567"])]);

        PayloadSchemas.AssertValid("roster", JsonDocument.Parse(RosterJson.Serialize(roster)).RootElement, "the cached roster");
    }
}
