using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Attendance;
using Terminal.Host.Journal;

namespace Terminal.Host.Tests.Journal;

public sealed class RosterCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("roster-").FullName;

    [Fact]
    public void Save_ThenLoad_GivesTheSameRoster()
    {
        var cache = new RosterCache(_dir, NullLogger<RosterCache>.Instance);

        cache.Save(new Roster(17, [new RosterEntry("S-1034", "张敏", "综合窗口", ["H10301:12:34567"])]));
        var loaded = new RosterCache(_dir, NullLogger<RosterCache>.Instance).Load()!;

        Assert.Equal(17, loaded.Version);
        Assert.Equal("张敏", loaded.Find(new BadgeSwipe("H10301", 12, 34567))!.Name);
    }

    [Fact]
    public void Load_NothingCached_OrUnreadable_GivesNull()
    {
        var cache = new RosterCache(_dir, NullLogger<RosterCache>.Instance);
        Assert.Null(cache.Load());

        File.WriteAllText(cache.FilePath, """{"version":"x"}""");
        Assert.Null(cache.Load());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
