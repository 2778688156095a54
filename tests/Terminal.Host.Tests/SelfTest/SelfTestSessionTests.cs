using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Hardware.Audio;
using Terminal.Core.Attendance;
using Terminal.Core.Feedback;
using Terminal.Host.Loop.Inputs;
using Terminal.Host.SelfTest;
using Terminal.Host.Tests.Fakes;

namespace Terminal.Host.Tests.SelfTest;

public class SelfTestSessionTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Press_DuringSession_IsStreamedToTheEngineer_NotRated()
    {
        await using var running = await RunningLoop.StartAsync();
        using var panel = TestBoard.Claim();
        var sessions = Sessions(running, panel);
        using var session = sessions.TryOpen()!;

        await running.PressAsync("k5", 5);
        var line = await session.NextAsync(Heartbeat, TimeProvider.System, CancellationToken.None);

        Assert.Equal("""{"input":"key","key":"k5","action":"pressed"}""", line!.ToJsonString());
        Assert.Empty(await running.PendingAsync());
    }

    [Fact]
    public async Task Swipe_DuringSession_ShowsFormatAndMaskedCard_WithTheRosterName()
    {
        await using var running = await RunningLoop.StartAsync();
        await running.SubmitAsync(new RosterReceived(new Roster(3, [new RosterEntry("S-1034", "张敏", "综合窗口", ["H10301:12:34567"])])));
        using var panel = TestBoard.Claim();
        using var session = Sessions(running, panel).TryOpen()!;

        await running.SwipeAsync(new BadgeSwipe("H10301", 12, 34567));
        var line = (await session.NextAsync(Heartbeat, TimeProvider.System, CancellationToken.None))!;

        Assert.Equal("card", (string?)line["input"]);
        Assert.Equal("H10301", (string?)line["format"]);
        Assert.Equal(12, (long?)line["facility"]);
        Assert.Equal("*4567", (string?)line["card"]);
        Assert.Equal("S-1034", (string?)line["staff"]);
        Assert.Equal("张敏", (string?)line["name"]);
        Assert.DoesNotContain("34567", line.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(WindowState.Unstaffed, running.Loop.Snapshots.Current.Window.Status.State);
        Assert.Empty(await running.PendingAsync());
    }

    [Fact]
    public async Task SecondSession_WhileOneIsOpen_IsRefused_AndAllowedAfterItCloses()
    {
        await using var running = await RunningLoop.StartAsync();
        using var panel = TestBoard.Claim();
        var sessions = Sessions(running, panel);

        var first = sessions.TryOpen()!;
        Assert.Null(sessions.TryOpen());
        Assert.Same(first, sessions.Find(first.Id));
        first.Dispose();

        Assert.Null(sessions.Find(first.Id));
        using var second = sessions.TryOpen();
        Assert.NotNull(second);
    }

    [Fact]
    public async Task LedAndBuzzer_AreSetAndReadBack_AndClosingTurnsThemOff()
    {
        await using var running = await RunningLoop.StartAsync();
        using var panel = TestBoard.Claim();
        var session = Sessions(running, panel).TryOpen()!;

        var led = session.SetLed("k1", true);
        var buzzer = session.SetBuzzer(true);

        Assert.Equal("""{"led":"k1","line":9,"on":true,"readBack":true}""", led.ToJsonString());
        Assert.Equal("""{"buzzer":true,"line":15,"readBack":true}""", buzzer.ToJsonString());
        session.Dispose();
        Assert.False(panel.Outputs!.GetValue(15));
        Assert.Equal(CueKind.Idle, running.Display.Cues[^1].Kind);
    }

    [Fact]
    public async Task Led_OfAKeyWithoutOne_IsRefused_NamingTheLeds()
    {
        await using var running = await RunningLoop.StartAsync();
        using var panel = TestBoard.Claim();
        using var session = Sessions(running, panel).TryOpen()!;

        var error = Assert.Throws<ArgumentException>(() => session.SetLed("invite", true));

        Assert.Contains("LEDs: k5, k1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheSession_APressIsARatingAgain()
    {
        await using var running = await RunningLoop.StartAsync();
        using var panel = TestBoard.Claim();
        Sessions(running, panel).TryOpen()!.Dispose();

        var press = await running.PressAsync("k5", 5);

        Assert.Contains(press.Snapshot.Committed, e => e.Type == "rating");
    }

    [Fact]
    public async Task Hello_ListsTheTestableParts()
    {
        await using var running = await RunningLoop.StartAsync();
        using var panel = TestBoard.Claim();
        using var session = Sessions(running, panel).TryOpen()!;

        var hello = session.Hello(TimeSpan.FromMinutes(15));

        Assert.Equal(
            $$"""{"session":"{{session.Id}}","board":"test-board","leds":["k5","k1"],"keys":["k5","k1","invite"],"buzzer":true,"readers":[{"name":"wiegand","kind":"wiegand","formats":["H10301"]}],"voice":null,"limitSeconds":900}""",
            hello.ToJsonString());
    }

    private static SelfTestSessions Sessions(RunningLoop running, Terminal.Host.Board.BoardLines panel) =>
        new(panel, running.Display, running.Loop, new VoicePlayer(new VoiceOptions { Enabled = false }, TestBoard.Definition, running.Directory, NullLogger<VoicePlayer>.Instance));
}
