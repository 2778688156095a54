namespace Terminal.Cli.Tests.SelfTest;

public class SelfTestVerbTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    public void Timeout_OutOfRange_IsAUsageError(string seconds)
    {
        var parse = CliVerbs.CreateRoot().Parse(["selftest", "--timeout", seconds]);

        Assert.Contains(parse.Errors, e => e.Message.Contains("--timeout must be between 1 and 600 seconds", StringComparison.Ordinal));
    }

    [Fact]
    public void NonInteractive_WithJsonAndSocket_Parses()
    {
        var parse = CliVerbs.CreateRoot().Parse(["selftest", "--non-interactive", "--json", "--socket", "/tmp/x.sock"]);

        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void NoTerminalListening_ExitsUnreachable()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"no-terminal-{Guid.NewGuid():N}.sock");

        var exit = CliVerbs.CreateRoot().Parse(["selftest", "--non-interactive", "--socket", socket]).Invoke();

        Assert.Equal(ExitCodes.Unreachable, exit);
    }
}
