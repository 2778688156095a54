using Terminal.Cli.SelfTest;

namespace Terminal.Cli.Tests.SelfTest;

public class ResultTableTests
{
    private static readonly PartResult[] Parts =
    [
        new("buffer", true, "open and writable"),
        new("led:k5 lit", false, "not lit: check the LED of k5 and its wiring"),
    ];

    [Fact]
    public void Table_AlignsParts_AndCountsFailures()
    {
        var lines = ResultTable.Format(Parts).Split(Environment.NewLine);

        Assert.Equal(
            [
                "part        result  detail",
                "buffer      PASS    open and writable",
                "led:k5 lit  FAIL    not lit: check the LED of k5 and its wiring",
                "self-test FAILED: 1 of 2 part(s) failed",
            ],
            lines);
    }

    [Fact]
    public void Table_AllPassed_SaysSo()
    {
        Assert.EndsWith("self-test passed: 1 part(s)", ResultTable.Format([Parts[0]]), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasTheVerdictAndEveryPart()
    {
        Assert.Equal(
            """{"passed":false,"board":"simulator","parts":[{"part":"buffer","passed":true,"detail":"open and writable"},{"part":"led:k5 lit","passed":false,"detail":"not lit: check the LED of k5 and its wiring"}]}""",
            ResultTable.ToJson(Parts, "simulator").ToJsonString());
    }
}
