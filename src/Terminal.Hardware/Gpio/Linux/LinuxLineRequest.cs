using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Gpio.Linux;

/// <summary>Lines claimed with <c>GPIO_V2_GET_LINE_IOCTL</c>; values by bit index in the request, edges from the pump.</summary>
internal sealed class LinuxLineRequest : IGpioLineRequest
{
    private readonly IGpioSyscalls _sys;
    private readonly Dictionary<int, (int Index, GpioLineConfig Config)> _lines = [];
    private readonly string _chip;
    private readonly EdgeEventPump? _pump;
    private int _fd;

    public LinuxLineRequest(IGpioSyscalls sys, int fd, GpioRequest request, string chip)
    {
        _sys = sys;
        _fd = fd;
        _chip = chip;
        for (var i = 0; i < request.Lines.Count; i++)
        {
            _lines[request.Lines[i].Offset] = (i, request.Lines[i]);
        }

        if (request.Lines.Any(l => l.Edges != GpioEdges.None))
        {
            var capacity = Math.Max(LineRequestEncoder.MinEventBufferSize, request.EventBufferSize);
            try
            {
                _pump = new EdgeEventPump(sys, fd, capacity, $"{chip} ({request.Consumer})");
            }
            catch
            {
                sys.Close(fd);
                throw;
            }
        }
    }

    public ValueTask<EdgeEvent> ReadEdgeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        return _pump?.ReadAsync(cancellationToken)
            ?? ValueTask.FromException<EdgeEvent>(new GpioException($"no line of this request on {_chip} has edge detection"));
    }

    public bool GetValue(int offset)
    {
        var (index, _) = Line(offset);
        var values = new GpioV2LineValues { Mask = 1UL << index };
        var rc = _sys.GetValues(_fd, ref values);
        if (rc < 0)
        {
            throw new GpioException($"reading line {offset} on {_chip} failed: {Errno.Describe(rc)}");
        }

        return (values.Bits & (1UL << index)) != 0;
    }

    public void SetValue(int offset, bool value)
    {
        var (index, config) = Line(offset);
        if (config.Direction != GpioDirection.Output)
        {
            throw new GpioException($"line {offset} on {_chip} is an input, it cannot be set");
        }

        var values = new GpioV2LineValues { Mask = 1UL << index, Bits = value ? 1UL << index : 0 };
        var rc = _sys.SetValues(_fd, ref values);
        if (rc < 0)
        {
            throw new GpioException($"setting line {offset} on {_chip} failed: {Errno.Describe(rc)}");
        }
    }

    public void Dispose()
    {
        if (_fd < 0)
        {
            return;
        }

        // Stop the pump before closing: its poll() must not see the descriptor number reused.
        _pump?.Dispose();
        _sys.Close(_fd);
        _fd = -1;
    }

    private (int Index, GpioLineConfig Config) Line(int offset)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        return _lines.TryGetValue(offset, out var line)
            ? line
            : throw new GpioException($"line {offset} on {_chip} is not part of this request");
    }
}
