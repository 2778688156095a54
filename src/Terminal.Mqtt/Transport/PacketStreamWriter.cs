using System.Buffers;
using System.Threading.Channels;

namespace Terminal.Mqtt.Transport;

/// <summary>
/// The one writer of a connection: packets keep their order, and whatever is queued when the
/// socket is free goes out in one write (pipelined publishes cost one syscall, not one each).
/// </summary>
internal sealed class PacketStreamWriter(Stream stream, TimeProvider time)
{
    private const int BatchBytes = 64 * 1024;
    private readonly Channel<OutgoingFrame> _frames = Channel.CreateUnbounded<OutgoingFrame>(new UnboundedChannelOptions { SingleReader = true });
    private long _lastWrite = time.GetTimestamp();

    /// <summary>Monotonic timestamp of the last completed write (for keep-alive).</summary>
    public long LastWrite => Volatile.Read(ref _lastWrite);

    /// <summary>Queues a packet; false once the writer has stopped.</summary>
    public bool Send(byte[] bytes, Action? written = null, Action? lost = null) => _frames.Writer.TryWrite(new OutgoingFrame(bytes, written, lost));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new ArrayBufferWriter<byte>(BatchBytes);
        var inBatch = new List<OutgoingFrame>();
        try
        {
            while (await _frames.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (batch.WrittenCount < BatchBytes && _frames.Reader.TryRead(out var frame))
                {
                    batch.Write(frame.Bytes);
                    inBatch.Add(frame);
                }

                await stream.WriteAsync(batch.WrittenMemory, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _lastWrite, time.GetTimestamp());
                batch.Clear();
                foreach (var frame in inBatch)
                {
                    frame.Written?.Invoke();
                }

                inBatch.Clear();
            }
        }
        finally
        {
            _frames.Writer.TryComplete();
            while (_frames.Reader.TryRead(out var frame))
            {
                inBatch.Add(frame);
            }

            foreach (var frame in inBatch)
            {
                frame.Lost?.Invoke();
            }
        }
    }

    /// <summary>Writes one packet directly, before the writer loop runs (CONNECT).</summary>
    public async Task WriteNowAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _lastWrite, time.GetTimestamp());
    }
}
