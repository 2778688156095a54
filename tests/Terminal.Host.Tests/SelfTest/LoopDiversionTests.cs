using Terminal.Core.Attendance;
using Terminal.Host.Tests.SelfTest.Fakes;

namespace Terminal.Host.Tests.SelfTest;

/// <summary>TerminalLoop.Divert, the hook the interactive self-test holds the panel with.</summary>
public class LoopDiversionTests
{
    [Fact]
    public async Task Diverted_KeyPressAndBadge_GoToTheObserver_AndCommitNothing()
    {
        await using var running = await RunningLoop.StartAsync();
        var seen = new List<string>();
        using (running.Loop.Divert((origin, _) => seen.Add(origin)))
        {
            var press = await running.PressAsync("k5", 5);
            var swipe = await running.SwipeAsync(new BadgeSwipe("H10301", 12, 1234567));

            Assert.Empty(press.Committed);
            Assert.Empty(swipe.Committed);
        }

        Assert.Equal(["key:k5:pressed", "reader:card"], seen);
        Assert.Equal(0, running.Buffer.GetStats().LastSeq);
        Assert.Null(running.Window.OpenSessionId);
    }

    [Fact]
    public async Task Diverted_OtherInputs_AreDecidedAsUsual()
    {
        await using var running = await RunningLoop.StartAsync();
        var seen = new List<string>();
        using var diversion = running.Loop.Divert((origin, _) => seen.Add(origin));

        var fault = await running.PostAsync("fault:gpio-overflow", _ => new([running.Events.Create(Terminal.Core.Events.EventType.Fault, null, new Terminal.Core.Events.FaultData { Code = "gpio-overflow", Detail = "1 edge lost", Source = "gpio" })], []));

        Assert.Single(fault.Committed);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task AfterTheDiversionEnds_APressIsARatingAgain()
    {
        await using var running = await RunningLoop.StartAsync();
        running.Loop.Divert((_, _) => { }).Dispose();

        var press = await running.PressAsync("k5", 5);

        Assert.Contains(press.Committed, e => e.Type == "rating");
    }

    [Fact]
    public async Task SecondDiversion_WhileOneHolds_IsRefused()
    {
        await using var running = await RunningLoop.StartAsync();
        using var first = running.Loop.Divert((_, _) => { });

        Assert.Throws<InvalidOperationException>(() => running.Loop.Divert((_, _) => { }));
    }
}
