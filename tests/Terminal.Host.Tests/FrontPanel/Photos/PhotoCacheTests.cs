using System.Security.Cryptography;
using Terminal.Host.FrontPanel.Photos;
using Terminal.TestUtils.Images;

namespace Terminal.Host.Tests.FrontPanel.Photos;

/// <summary>docs/mqtt.md#staff-photos: photos cached in the data directory, bounded, old ones removed.</summary>
public sealed class PhotoCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("photos-").FullName;
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void StoredPhoto_IsFoundAgain_AfterARestart()
    {
        var png = TestPng.Portrait();
        new PhotoCache(_dir, _time).Store(Sha(png), "png", png);

        var again = new PhotoCache(_dir, _time);

        Assert.True(again.Contains(Sha(png)));
        Assert.Equal(png, File.ReadAllBytes(again.Open(Sha(png))!.FullName));
    }

    [Fact]
    public void Retain_RemovesPhotosTheRosterNoLongerNames()
    {
        var cache = new PhotoCache(_dir, _time);
        var (a, b) = (TestPng.Portrait(hue: 1), TestPng.Portrait(hue: 2));
        cache.Store(Sha(a), "png", a);
        cache.Store(Sha(b), "png", b);

        cache.Retain(new HashSet<string> { Sha(b) });

        Assert.False(cache.Contains(Sha(a)));
        Assert.True(cache.Contains(Sha(b)));
    }

    [Fact]
    public void Bound_EvictsTheLeastRecentlyUsed_ButNeverTheOneToKeep()
    {
        var photos = Enumerable.Range(0, 4).Select(i => TestPng.Portrait(hue: i * 10)).ToList();
        var bound = 3L * photos.Max(p => p.Length);
        var cache = new PhotoCache(_dir, _time, maxBytes: bound);
        for (var i = 0; i < 3; i++)
        {
            cache.Store(Sha(photos[i]), "png", photos[i]);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        cache.Open(Sha(photos[0])); // used just now: the oldest is photo 1
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(cache.Store(Sha(photos[3]), "png", photos[3], keep: Sha(photos[1])));

        Assert.True(cache.Contains(Sha(photos[0])));
        Assert.True(cache.Contains(Sha(photos[1])));
        Assert.False(cache.Contains(Sha(photos[2])));
        Assert.True(cache.Bytes <= bound);
    }

    [Fact]
    public void PhotoBiggerThanTheWholeCache_IsNotStored()
    {
        var png = TestPng.Portrait();
        var cache = new PhotoCache(_dir, _time, maxBytes: png.Length - 1);

        Assert.False(cache.Store(Sha(png), "png", png));
        Assert.False(cache.Contains(Sha(png)));
    }

    [Fact]
    public void AtStart_FilesWhoseContentIsNotTheirName_AreRemoved()
    {
        var png = TestPng.Portrait();
        Directory.CreateDirectory(Path.Combine(_dir, "photos"));
        File.WriteAllBytes(Path.Combine(_dir, "photos", Sha(png) + ".png"), png[..100]);
        File.WriteAllBytes(Path.Combine(_dir, "photos", Sha(png) + ".png.tmp"), png);

        var cache = new PhotoCache(_dir, _time);

        Assert.False(cache.Contains(Sha(png)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "photos")));
    }

    [Fact]
    public void Open_RefusesNamesThatAreNoHash()
    {
        Assert.Null(new PhotoCache(_dir, _time).Open("../roster.json"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
