using System.Text;
using Terminal.Core.Screen;
using Terminal.Host.FrontPanel;

namespace Terminal.Host.Tests.FrontPanel;

public class TapRequestTests
{
    [Fact]
    public void RatingTap_IsRead_WithTheSessionTheScreenShowed()
    {
        Assert.True(TapRequest.TryRead("""{"level":5,"session":"Q-1"}"""u8, out var tap, out var error), error);

        Assert.Equal(new RatingTap(5, "Q-1"), tap);
    }

    [Fact]
    public void ReasonTap_IsRead_AndAMissingSessionIsNone()
    {
        Assert.True(TapRequest.TryRead("""{"reason":"fees"}"""u8, out var tap, out var error), error);

        Assert.Equal(new ReasonTap("fees", null), tap);
    }

    [Theory]
    [InlineData("[]", "a tap is a JSON object")]
    [InlineData("not json", "a tap is a JSON object")]
    [InlineData("""{"session":"Q-1"}""", "give either level")]
    [InlineData("""{"level":5,"reason":"fees"}""", "give either level")]
    [InlineData("""{"level":"5"}""", "level: must be a whole number")]
    [InlineData("""{"level":4.5}""", "level: must be a whole number")]
    [InlineData("""{"reason":3}""", "reason: must be a reason code")]
    [InlineData("""{"level":5,"session":7}""", "session: must be a string or null")]
    public void MalformedTap_IsRefusedWithTheReason(string body, string expected)
    {
        Assert.False(TapRequest.TryRead(Encoding.UTF8.GetBytes(body), out var tap, out var error));

        Assert.Null(tap);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
