using System.Text.Json.Nodes;
using Terminal.Configuration;
using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Identity;
using Terminal.Core.Keys;
using Terminal.Core.Rating;
using Terminal.Core.Screen;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Hardware.Board;
using Terminal.Host.FrontPanel;
using Terminal.Host.FrontPanel.Photos;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;
using Terminal.Storage;
using Terminal.TestUtils.Images;

namespace Terminal.Host.Tests.FrontPanel;

/// <summary>docs/front-panel.md#screens: what the page is told to show, from a snapshot.</summary>
public sealed class PanelViewTests : IDisposable
{
    private static readonly BoardDefinition Board = BoardFile.Load(Path.Combine(AppContext.BaseDirectory, "board-config", "simulator.json"));
    private static readonly BadgeSwipe Card = new("H10301", 12, 34567);
    private readonly string _dir = Directory.CreateTempSubdirectory("panel-view-").FullName;
    private readonly FakeTimeProvider _time = new();
    private readonly ServiceWindow _window;
    private readonly PhotoCache _photos;
    private readonly byte[] _photo = TestPng.Portrait();

    public PanelViewTests()
    {
        var events = new EventFactory(new TerminalIdentity("T-1", "H-1", "12"), new FixedDeviceClock(true));
        _window = new ServiceWindow(WindowSettings.Default, new KeyLayout([5, 4, 3, 2, 1], RatingScale.ReasonCodes), events, _time);
        _photos = new PhotoCache(_dir, _time);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_photo));
        _window.ApplyRoster(new Roster(3, [new RosterEntry("S-1034", "张敏", "综合窗口", ["H10301:12:34567"])
        {
            Photo = new RosterPhoto("http://hall/S-1034.png", sha),
            Pledge = "一次办好",
            Badges = ["party-member", "youth-post"],
            Stars = 4,
        }]));
    }

    private static PanelOptions Panel(string? review = null) => PanelOptions.Default with { Touch = true, ReviewUrl = review };

    [Fact]
    public void NobodySignedIn_IsTheClosedWindow()
    {
        var view = Build();

        Assert.Equal("closed", (string?)view["screen"]);
        Assert.Null(view["staff"]);
        Assert.Equal("12", (string?)view["window"]);
    }

    [Fact]
    public void SignedIn_ShowsTheIdentityCard_WithThePhotoOnlyOnceCached()
    {
        _window.OnBadge(Card);
        var before = Build()["staff"]!;
        _photos.Store(Sha(), "png", _photo);

        var view = Build();

        var staff = view["staff"]!;
        Assert.Equal("idle", (string?)view["screen"]);
        Assert.Equal(("S-1034", "张敏", "综合窗口", "一次办好", 4), ((string?)staff["id"], (string?)staff["name"], (string?)staff["title"], (string?)staff["pledge"], (int?)staff["stars"]));
        Assert.Equal(["党员"], staff["badges"]!.AsArray().Select(b => (string?)b!["label"]));
        Assert.Null(before["photo"]);
        Assert.Equal("/panel/photo/" + Sha(), (string?)staff["photo"]);
    }

    [Fact]
    public void UnknownCard_IsShownAsUnknownStaff_AndPauseAsPaused()
    {
        _window.OnBadge(new BadgeSwipe("H10301", 12, 99999));
        Assert.Equal(true, (bool?)Build()["staff"]!["unknown"]);

        _window.OnKey(new KeyInput("pause", KeyRole.Pause, null, null, KeyAction.Pressed));

        Assert.Equal("paused", (string?)Build()["screen"]);
    }

    [Fact]
    public void OpenSession_PromptsWithTheItemAndTicket_AndTapsTargetIt()
    {
        _window.OpenSession("Q-7", new CaseInfo("2026-001", "C1", "居民身份证换领", "A012", null), out _);

        var view = Build();

        Assert.Equal("prompting", (string?)view["screen"]);
        Assert.Equal(("Q-7", "居民身份证换领", "A012"), ((string?)view["session"]!["id"], (string?)view["session"]!["itemName"], (string?)view["session"]!["ticket"]));
        Assert.Equal(30_000, (long?)view["session"]!["timeLeftMs"]);
        Assert.Equal("Q-7", (string?)view["tapTarget"]);
        Assert.Equal([5, 4, 3, 2, 1], view["levels"]!.AsArray().Select(l => (int?)l!["level"]));
        Assert.Equal("非常满意", (string?)view["levels"]![0]!["label"]);
    }

    [Fact]
    public void BadRating_AsksForAReason_WithTheTimeLeft()
    {
        _window.OpenSession("Q-7", null, out _);
        _window.OnTap(new RatingTap(2, "Q-7"));
        _time.Advance(TimeSpan.FromSeconds(5));

        var view = Build();

        Assert.Equal("reason", (string?)view["screen"]);
        Assert.Equal("Q-7", (string?)view["reason"]!["session"]);
        Assert.Equal(10_000, (long?)view["reason"]!["timeLeftMs"]);
        Assert.Equal("收费情况", (string?)view["reasons"]!.AsArray().Single(r => (string?)r!["code"] == "fees")!["label"]);
    }

    [Fact]
    public void Thanks_CarriesTheReviewCodeOfTheRatedSession_WhenAReviewUrlIsSet()
    {
        _window.OpenSession("Q 7", null, out _);
        _window.OnTap(new RatingTap(5, "Q 7"));

        Assert.Null(Build()["thanks"]!["review"]);
        var view = Build(panel: Panel("https://hall/review?s={session}"));

        Assert.Equal("thanks", (string?)view["screen"]);
        Assert.Equal("/panel/review.png?session=Q%207", (string?)view["thanks"]!["review"]);
    }

    [Fact]
    public void StorageFull_IsItsOwnScreen()
    {
        _window.SetStorageFull(true);

        Assert.Equal("storage-full", (string?)Build()["screen"]);
    }

    [Fact]
    public void ATransientCue_IsANotice_OnlyWhenJustPublished()
    {
        _window.OnBadge(Card);
        var shown = new[] { new Cue(CueKind.SignedIn) };

        var fresh = Build(shown: shown);
        var again = Build(shown: shown, withNotice: false);

        Assert.Equal(("signed-in", "张敏", 1000L), ((string?)fresh["notice"]!["kind"], (string?)fresh["notice"]!["name"], (long?)fresh["notice"]!["holdMs"]));
        Assert.Null(again["notice"]);
    }

    [Fact]
    public void ActiveFaults_AreListedWithTheirLabels_UntilCleared()
    {
        _window.RaiseFault(FaultCodes.ReaderOffline, "no answer on SPI", "nfc");
        _window.RaiseFault("some-new-fault", "from a newer core", "gpio");

        var failing = Build()["faults"]!.AsArray().Select(f => ((string?)f!["code"], (string?)f["label"]));
        _window.ClearFault(FaultCodes.ReaderOffline, "nfc", FaultCodes.ReaderRestored, "answers again");
        _window.ClearFault("some-new-fault", "gpio", null, "over");

        Assert.Equal([(FaultCodes.ReaderOffline, "读卡器离线"), ("some-new-fault", "some-new-fault")], failing);
        Assert.Empty(Build()["faults"]!.AsArray());
    }

    [Fact]
    public void CommittedEvents_AreListedBySeq()
    {
        var view = Build(committed: [new StoredEvent(41, "session", DateTimeOffset.UnixEpoch, Array.Empty<byte>()), new StoredEvent(42, "rating", DateTimeOffset.UnixEpoch, Array.Empty<byte>())]);

        Assert.Equal([41L, 42L], view["committed"]!.AsArray().Select(e => (long?)e!["seq"]));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Sha() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_photo));

    private JsonObject Build(PanelOptions? panel = null, IReadOnlyList<Cue>? shown = null, IReadOnlyList<StoredEvent>? committed = null, bool withNotice = true) =>
        new PanelView(Board, new TerminalIdentity("T-1", "H-1", "12"), panel ?? Panel(), _photos)
            .Build(new LoopSnapshot(7, Tick.Instance, committed ?? [], shown ?? [], _window.Snapshot()), withNotice);
}
