using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Host.SelfTest;

namespace Terminal.Host.Tests.SelfTest;

public class SelfTestRunnerTests
{
    [Fact]
    public async Task AllChecksPass_ReportPasses_WithEveryPartInOrder()
    {
        var runner = Runner(new Check("a", SelfTestPart.Pass("a", "fine")), new Check("b", SelfTestPart.Pass("b1", "ok"), SelfTestPart.Pass("b2", "ok")));

        var report = await runner.RunAsync(CancellationToken.None);

        Assert.True(report.Passed);
        Assert.Equal(["a", "b1", "b2"], report.Parts.Select(p => p.Name));
        Assert.Equal("test-board", report.Board);
    }

    [Fact]
    public async Task OneFailedPart_FailsTheReport()
    {
        var runner = Runner(new Check("a", SelfTestPart.Pass("a", "fine")), new Check("b", SelfTestPart.Fail("b", "broken")));

        var report = await runner.RunAsync(CancellationToken.None);

        Assert.False(report.Passed);
    }

    [Fact]
    public async Task CheckThatThrows_IsAFailedPartUnderItsName_AndTheOthersStillRun()
    {
        var runner = Runner(new Check("gpio", new IOException("chip vanished")), new Check("clock", SelfTestPart.Pass("clock", "ok")));

        var report = await runner.RunAsync(CancellationToken.None);

        Assert.Equal(["gpio", "clock"], report.Parts.Select(p => p.Name));
        Assert.Equal("the check could not run: chip vanished", report.Parts[0].Detail);
        Assert.False(report.Parts[0].Passed);
        Assert.True(report.Parts[1].Passed);
    }

    [Fact]
    public async Task RunForCommand_GivesTheReplyFields()
    {
        var runner = Runner(new Check("disk", SelfTestPart.Fail("disk", "card full")));

        var reply = await runner.RunForCommandAsync(CancellationToken.None);

        Assert.Equal(
            """{"passed":false,"at":"2026-11-21T10:00:00.000Z","board":"test-board","parts":[{"part":"disk","passed":false,"detail":"card full"}]}""",
            reply.ToJsonString());
    }

    private static SelfTestRunner Runner(params ISelfTestCheck[] checks) =>
        new(checks, "test-board", new FakeTimeProvider(), NullLogger<SelfTestRunner>.Instance);

    private sealed class Check(string name, params object[] outcome) : ISelfTestCheck
    {
        public string Name => name;

        public IEnumerable<SelfTestPart> Run() =>
            outcome is [Exception e] ? throw e : outcome.Cast<SelfTestPart>();
    }
}
