using Terminal.Core.Attendance;

namespace Terminal.Core.Tests.Attendance;

/// <summary>docs/mqtt.md#roster: the badges the 亮身份 card names.</summary>
public sealed class StaffBadgesTests
{
    [Theory]
    [InlineData("party-member", "党员")]
    [InlineData("model-post", "示范岗")]
    public void KnownBadge_HasItsChineseLabel(string code, string label)
    {
        Assert.Equal(label, StaffBadges.Label(code));
    }

    [Fact]
    public void UnknownBadge_HasNoLabel_SoItIsNotShown()
    {
        Assert.Null(StaffBadges.Label("youth-post"));
        Assert.DoesNotContain("youth-post", StaffBadges.Known);
    }
}
