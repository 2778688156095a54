using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Storage;

namespace Terminal.PowerCut.Wear;

/// <summary>The durable event buffer itself, appending a press's three events as the terminal's loop does (one AppendAsync).</summary>
internal sealed class BufferPressStore : IPressStore
{
    private readonly EventBuffer _buffer;

    private BufferPressStore(EventBuffer buffer) => _buffer = buffer;

    public int PageSize
    {
        get
        {
            // SQLite file header, offset 16: the page size, big-endian (1 means 65536).
            using var file = new FileStream(_buffer.DatabasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Span<byte> header = stackalloc byte[18];
            file.ReadExactly(header);
            var size = (header[16] << 8) | header[17];
            return size == 1 ? 65536 : size;
        }
    }

    /// <param name="countersInterval">1: the counters row with every commit, as before issue 15.</param>
    public static async Task<BufferPressStore> OpenAsync(string directory, int countersInterval)
    {
        var options = new EventBufferOptions { DataDirectory = directory, CountersInterval = countersInterval };
        return new BufferPressStore(await EventBuffer.OpenAsync(options, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None));
    }

    public Task PressAsync() =>
        _buffer.AppendAsync(
            [.. PressEvents.Press.Select((e, i) => new EventDraft(e.Type, Evictable: false, DateTimeOffset.UtcNow, seq => PressEvents.Encode(seq, i)))],
            CancellationToken.None);

    public ValueTask DisposeAsync() => _buffer.DisposeAsync();
}
