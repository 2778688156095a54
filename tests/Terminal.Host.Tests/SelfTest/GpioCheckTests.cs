using Terminal.Host.SelfTest;
using Terminal.Host.Tests.Fakes;

namespace Terminal.Host.Tests.SelfTest;

public class GpioCheckTests
{
    [Fact]
    public void ClaimedBoard_PassesWithEveryOutputSetAndReadBack()
    {
        using var panel = TestBoard.Claim();

        var parts = new GpioCheck(panel).Run().ToList();

        Assert.Equal(["gpio", "led:k5", "led:k1", "buzzer"], parts.Select(p => p.Name));
        Assert.All(parts, p => Assert.True(p.Passed, p.Detail));
        Assert.Equal("board test-board: 5 input and 3 output line(s) claimed on chip \"test-chip\"", parts[0].Detail);
        Assert.Equal("line 8 set and read back", parts[1].Detail);
    }

    [Fact]
    public void LitLed_IsLitAgainAfterTheCheck()
    {
        using var panel = TestBoard.Claim();
        panel.SetLed("k1", true);

        _ = new GpioCheck(panel).Run().ToList();

        Assert.True(panel.Outputs!.GetValue(9));
        Assert.False(panel.Outputs.GetValue(8));
    }

    [Fact]
    public void OutputThatIgnoresWrites_FailsForThatLedOnly()
    {
        using var panel = TestBoard.Claim(new StuckOutputChip(TestBoard.Chip, stuckLine: 9));

        var parts = new GpioCheck(panel).Run().ToDictionary(p => p.Name);

        Assert.False(parts["led:k1"].Passed);
        Assert.Equal("line 9 does not follow: set on, read off; restored off, read off", parts["led:k1"].Detail);
        Assert.True(parts["led:k5"].Passed);
        Assert.True(parts["buzzer"].Passed);
    }
}
