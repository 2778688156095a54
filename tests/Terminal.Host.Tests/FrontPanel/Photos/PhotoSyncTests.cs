using System.Security.Cryptography;
using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Keys;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Host.FrontPanel.Photos;
using Terminal.TestUtils.Images;
using Terminal.TestUtils.Logging;
using Terminal.TestUtils.Network;

namespace Terminal.Host.Tests.FrontPanel.Photos;

/// <summary>docs/mqtt.md#staff-photos: the cache follows the roster; a photo that fails its check is not shown and logged once.</summary>
public sealed class PhotoSyncTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("photo-sync-").FullName;
    private readonly StaticHttpServer _hall = new();
    private readonly FakeTimeProvider _time = new();
    private readonly LogLines<PhotoSync> _log = new();
    private readonly PhotoCache _cache;
    private readonly PhotoSync _sync;
    private readonly HttpClient _http = new();

    public PhotoSyncTests()
    {
        _hall.Start();
        _cache = new PhotoCache(_dir, _time);
        _sync = new PhotoSync(_cache, new PhotoFetcher(_http), _time, _log);
    }

    [Fact]
    public async Task RosterPhotos_AreFetchedAndCached_SignedInStaffFirst_ThenNothingIsLeftToDo()
    {
        var (a, b) = (TestPng.Portrait(hue: 1), TestPng.Portrait(hue: 2));
        var window = Window([Entry("S-1", "/a.png", a), Entry("S-2", "/b.png", b)], signedIn: "H10301:12:2");
        var stored = 0;

        Assert.True(await _sync.StepAsync(window, Timeout, () => stored++, CancellationToken.None));
        Assert.True(_cache.Contains(Sha(b)) && !_cache.Contains(Sha(a)), "the signed-in staff member's photo comes first");
        Assert.True(await _sync.StepAsync(window, Timeout, () => stored++, CancellationToken.None));
        Assert.False(await _sync.StepAsync(window, Timeout, () => stored++, CancellationToken.None));

        Assert.Equal(2, stored);
        Assert.True(_cache.Contains(Sha(a)));
    }

    [Fact]
    public async Task PhotoLeavingTheRoster_IsRemoved()
    {
        var a = TestPng.Portrait(hue: 1);
        await _sync.StepAsync(Window([Entry("S-1", "/a.png", a)]), Timeout, () => { }, CancellationToken.None);

        await _sync.StepAsync(Window([]), Timeout, () => { }, CancellationToken.None);

        Assert.False(_cache.Contains(Sha(a)));
    }

    [Fact]
    public async Task NoRosterYet_AsAtStartBeforeTheCachedOneIsRestored_RemovesNothing()
    {
        var a = TestPng.Portrait(hue: 1);
        await _sync.StepAsync(Window([Entry("S-1", "/a.png", a)]), Timeout, () => { }, CancellationToken.None);
        var starting = NewWindow().Snapshot();

        Assert.False(await _sync.StepAsync(starting, Timeout, () => { }, CancellationToken.None));

        Assert.True(_cache.Contains(Sha(a)));
    }

    [Theory]
    [InlineData("hash")]
    [InlineData("type")]
    [InlineData("size")]
    public async Task PhotoFailingItsCheck_IsNotShown_AndLoggedOnce(string fault)
    {
        var png = TestPng.Portrait();
        var (served, expected) = fault switch
        {
            "hash" => (png, TestPng.Portrait(hue: 9)),
            "type" => ("<html/>"u8.ToArray(), "<html/>"u8.ToArray()),
            _ => (new byte[PhotoCheck.MaxBytes + 1], new byte[PhotoCheck.MaxBytes + 1]),
        };
        var window = Window([new RosterEntry("S-1", "张敏", null, []) { Photo = new RosterPhoto(_hall.Serve("/bad", served), Sha(expected)) }]);

        for (var i = 0; i < 3; i++)
        {
            await _sync.StepAsync(window, Timeout, () => { }, CancellationToken.None);
            _time.Advance(TimeSpan.FromHours(1));
        }

        Assert.False(_cache.Contains(Sha(expected)));
        Assert.Single(_log.Lines, l => l.Text.Contains("is not shown", StringComparison.Ordinal) && l.Text.Contains("S-1", StringComparison.Ordinal));
        Assert.Equal(1, _hall.Requests("/bad"));
    }

    [Fact]
    public async Task HallServerDown_IsTriedAgainAfterAPause_LoggedOnce_ThenCached()
    {
        var png = TestPng.Portrait();
        var window = Window([Entry("S-1", "/a.png", png)]);
        _hall.Stop();

        await _sync.StepAsync(window, Timeout, () => { }, CancellationToken.None);
        var waiting = await _sync.StepAsync(window, Timeout, () => { }, CancellationToken.None);
        Assert.False(waiting, "no retry before the pause");
        Assert.Equal(TimeSpan.FromSeconds(15), _sync.NextRetryIn());
        _time.Advance(TimeSpan.FromSeconds(15));
        await _sync.StepAsync(window, Timeout, () => { }, CancellationToken.None);
        _hall.Start();
        _time.Advance(TimeSpan.FromSeconds(30));
        await _sync.StepAsync(window, Timeout, () => { }, CancellationToken.None);

        Assert.True(_cache.Contains(Sha(png)));
        Assert.Single(_log.Lines, l => l.Text.Contains("could not be fetched", StringComparison.Ordinal));
        Assert.Null(_sync.NextRetryIn());
    }

    public void Dispose()
    {
        _hall.Dispose();
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private RosterEntry Entry(string staff, string path, byte[] photo) =>
        new(staff, staff, null, [$"H10301:12:{staff[2..]}"]) { Photo = new RosterPhoto(_hall.Serve(path, photo), Sha(photo)) };

    private WindowSnapshot Window(IReadOnlyList<RosterEntry> staff, string? signedIn = null)
    {
        var window = NewWindow();
        window.ApplyRoster(new Roster(1, staff));
        if (signedIn is not null)
        {
            window.OnBadge(new BadgeSwipe("H10301", 12, long.Parse(signedIn.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return window.Snapshot();
    }

    private ServiceWindow NewWindow() =>
        new ServiceWindow(WindowSettings.Default, KeyLayout.FiveKeys, new EventFactory(new TerminalIdentity("T-1", "H-1", "1"), new FixedDeviceClock(true)), _time);
}
