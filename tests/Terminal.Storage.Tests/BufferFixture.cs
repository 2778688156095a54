using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.TestUtils.Time;

namespace Terminal.Storage.Tests;

/// <summary>A real SQLite buffer in a fresh temp directory, removed afterwards.</summary>
internal sealed class BufferFixture : IAsyncDisposable
{
    private readonly List<EventBuffer> _opened = [];

    public BufferFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "terminal-storage-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public FakeTimeProvider Time { get; } = new();

    public string DatabasePath => Path.Combine(Directory, "events.db");

    public static EventDraft Rating(string note = "r") => Draft("rating", evictable: false, note);

    public static EventDraft Fault(string note = "f") => Draft("fault", evictable: true, note);

    /// <summary>A draft whose payload is <c>{type}:{seq}:{note}</c>, so tests can see the seq was encoded.</summary>
    public static EventDraft Draft(string type, bool evictable, string note) =>
        new(type, evictable, new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), seq => Encoding.UTF8.GetBytes($"{type}:{seq}:{note}"));

    public static string Text(StoredEvent e) => Encoding.UTF8.GetString(e.Payload.Span);

    public async Task<EventBuffer> OpenAsync(
        long maxEvents = EventBufferOptions.DefaultMaxEvents,
        long maxBytes = EventBufferOptions.DefaultMaxBytes,
        int countersInterval = EventBufferOptions.DefaultCountersInterval)
    {
        var options = new EventBufferOptions { DataDirectory = Directory, MaxEvents = maxEvents, MaxBytes = maxBytes, CountersInterval = countersInterval };
        var buffer = await EventBuffer.OpenAsync(options, Time, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        _opened.Add(buffer);
        return buffer;
    }

    /// <summary>Copies the data directory of an open buffer into a new fixture, as if power was cut.</summary>
    public BufferFixture SnapshotWhileOpen()
    {
        var copy = new BufferFixture();
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            File.Copy(file, Path.Combine(copy.Directory, Path.GetFileName(file)));
        }

        Assert.True(new FileInfo(Path.Combine(copy.Directory, "events.db-wal")).Length > 0, "expected the commits to be in the WAL");
        return copy;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var buffer in _opened)
        {
            await buffer.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
