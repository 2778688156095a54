using System.Runtime.InteropServices;
using System.Threading.Channels;
using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Gpio.Linux;

/// <summary>
/// Reads <c>gpio_v2_line_event</c> records on a dedicated thread blocked in <c>poll()</c> on the line
/// descriptor and an eventfd (signalled on dispose), so no thread-pool thread ever blocks in the
/// kernel. Records go to a bounded channel; when the caller falls behind the thread stops reading,
/// the kernel FIFO fills, and the kernel's dropped events show up as a gap in <see cref="EdgeEvent.Seqno"/>.
/// </summary>
internal sealed class EdgeEventPump : IDisposable
{
    private const int RecordsPerRead = 16;

    private readonly IGpioSyscalls _sys;
    private readonly int _lineFd;
    private readonly int _wakeFd;
    private readonly string _source;
    private readonly Channel<EdgeEvent> _edges;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;

    public EdgeEventPump(IGpioSyscalls sys, int lineFd, int capacity, string source)
    {
        _sys = sys;
        _lineFd = lineFd;
        _source = source;
        _wakeFd = sys.CreateWakeFd();
        if (_wakeFd < 0)
        {
            throw new GpioException($"cannot create the wake-up eventfd for edge events on {source}: {Errno.Describe(_wakeFd)}");
        }

        _edges = Channel.CreateBounded<EdgeEvent>(new BoundedChannelOptions(capacity) { SingleReader = false, SingleWriter = true });
        _thread = new Thread(Run) { IsBackground = true, Name = "gpio-edges" };
        _thread.Start();
    }

    public ValueTask<EdgeEvent> ReadAsync(CancellationToken cancellationToken) => ReadCoreAsync(cancellationToken);

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _sys.Wake(_wakeFd);
        _thread.Join();
        _sys.Close(_wakeFd);
        _stopping.Dispose();
    }

    private async ValueTask<EdgeEvent> ReadCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _edges.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e) when (e.InnerException is GpioException failure)
        {
            throw new GpioException(failure.Message, failure);
        }
        catch (ChannelClosedException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException($"edge events of {_source}", "the line request was disposed");
        }
    }

    private void Run()
    {
        var buffer = new byte[RecordsPerRead * GpioV2LineEvent.Size];
        try
        {
            var rc = PollLoop.Run(_sys, _lineFd, _wakeFd, _stopping.Token, () => Forward(buffer));
            if (rc < 0)
            {
                throw new GpioException($"waiting for edge events on {_source} failed: {Errno.Describe(rc)}");
            }

            _edges.Writer.TryComplete();
        }
        catch (GpioException e)
        {
            _edges.Writer.TryComplete(e);
        }
    }

    /// <summary>Reads one batch of records and queues them; false when stopping.</summary>
    private bool Forward(byte[] buffer)
    {
        var n = _sys.Read(_lineFd, buffer);
        if (n is -Errno.EAGAIN or -Errno.EINTR)
        {
            return true;
        }

        if (n < 0)
        {
            throw new GpioException($"reading edge events on {_source} failed: {Errno.Describe(n)}");
        }

        if (n == 0 || n % GpioV2LineEvent.Size != 0)
        {
            // The kernel only returns whole records (gpiolib-cdev linereq_read); anything else is a broken ABI.
            throw new GpioException($"reading edge events on {_source} returned {n} bytes, not a multiple of {GpioV2LineEvent.Size}");
        }

        for (var offset = 0; offset < n; offset += GpioV2LineEvent.Size)
        {
            var record = MemoryMarshal.Read<GpioV2LineEvent>(buffer.AsSpan(offset, GpioV2LineEvent.Size));
            var edge = new EdgeEvent(
                (int)record.Offset,
                record.Id == GpioUapi.EventRisingEdge ? EdgeKind.Rising : EdgeKind.Falling,
                (long)record.TimestampNs,
                record.Seqno,
                record.LineSeqno);
            while (!_edges.Writer.TryWrite(edge))
            {
                try
                {
                    // Blocks only this dedicated thread while the caller catches up.
                    _edges.Writer.WaitToWriteAsync(_stopping.Token).AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
