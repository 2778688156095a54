using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.TestUtils.Time;
using Xunit.Abstractions;

namespace Terminal.Storage.Tests;

/// <summary>Issue 3: a full disk refuses presses, loses nothing committed, and recovers when space returns.</summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    private const long FilesystemBytes = 1024 * 1024;

    [Fact]
    public async Task DiskFull_RefusesAppends_KeepsCommitted_AndResumesWhenSpaceIsFreed()
    {
        using var filesystem = new SmallFilesystem(FilesystemBytes, output);
        var directory = Path.Combine(filesystem.Directory, "data");

        // Something else on the same disk whose removal gives space back (a log, an update package).
        var filler = Path.Combine(filesystem.Directory, "filler");
        await File.WriteAllBytesAsync(filler, new byte[filesystem.Mounted ? 256 * 1024 : 0]);
        var options = new EventBufferOptions { DataDirectory = directory, MaxPageCount = filesystem.Mounted ? null : 64 };
        var buffer = await EventBuffer.OpenAsync(options, new FakeTimeProvider(), NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var changes = new List<BufferStats>();
        buffer.StatsChanged += (_, stats) => changes.Add(stats);

        var committed = new List<long>();
        BufferFullException? refused = null;
        for (var i = 0; i < 100_000 && refused is null; i++)
        {
            try
            {
                committed.AddRange((await buffer.AppendAsync([BufferFixture.Draft("rating", false, new string('x', 1000))], CancellationToken.None)).Select(e => e.Seq));
            }
            catch (BufferFullException error)
            {
                refused = error;
            }
        }

        output.WriteLine($"{committed.Count} events committed before the disk was full: {refused?.InnerException?.Message}");
        Assert.NotNull(refused);
        Assert.True(buffer.GetStats().Full);
        Assert.Contains(changes, s => s.Full);
        await Assert.ThrowsAsync<BufferFullException>(() => buffer.AppendAsync([BufferFixture.Draft("rating", false, new string('x', 1000))], CancellationToken.None));

        // Space returns: the filler goes (mounted) or the publisher delivers and acknowledges some.
        File.Delete(filler);
        if (!filesystem.Mounted)
        {
            await buffer.AcknowledgeAsync(committed.Take(10).ToList(), CancellationToken.None);
            committed.RemoveRange(0, 10);
        }

        var resumed = await buffer.AppendAsync([BufferFixture.Rating("after")], CancellationToken.None);
        committed.Add(resumed[0].Seq);
        Assert.False(buffer.GetStats().Full);
        Assert.False(changes[^1].Full);
        await buffer.DisposeAsync();

        // Nothing committed was lost and the file is sound.
        var reopened = await EventBuffer.OpenAsync(options, new FakeTimeProvider(), NullLogger<EventBuffer>.Instance, CancellationToken.None);
        Assert.Empty(reopened.Incidents);
        var pending = await reopened.ReadPendingAsync(0, 100_000, CancellationToken.None);
        Assert.Equal(committed, pending.Select(e => e.Seq));
        await reopened.DisposeAsync();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "events.db")};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
    }
}
