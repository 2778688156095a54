using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Gpio.Linux;

/// <summary>An open <c>/dev/gpiochipN</c>. Line requests outlive it: the kernel gives each its own descriptor.</summary>
internal sealed class LinuxGpioChip : IGpioChip
{
    private readonly IGpioSyscalls _sys;
    private int _fd;

    public LinuxGpioChip(IGpioSyscalls sys, int fd, string path, string name, string label, int lineCount)
    {
        _sys = sys;
        _fd = fd;
        Path = path;
        Name = name;
        Label = label;
        LineCount = lineCount;
    }

    public string Label { get; }

    public string Name { get; }

    public int LineCount { get; }

    public string Path { get; }

    private string Description => $"{Name} \"{Label}\"";

    public IGpioLineRequest RequestLines(GpioRequest request)
    {
        ObjectDisposedException.ThrowIf(_fd < 0, this);
        var encoded = LineRequestEncoder.Encode(request, LineCount, Description);
        var rc = _sys.RequestLines(_fd, ref encoded);
        if (rc == -Errno.EBUSY)
        {
            throw new GpioException(BusyMessage(request));
        }

        if (rc < 0)
        {
            var offsets = string.Join(", ", request.Lines.Select(l => l.Offset));
            throw new GpioException(
                $"{Description} refused lines {offsets} for \"{request.Consumer}\": {Errno.Describe(rc)}" +
                (rc is -Errno.EINVAL or -Errno.EOPNOTSUPP ? " (a bias or edge setting this chip does not support?)" : string.Empty));
        }

        return new LinuxLineRequest(_sys, encoded.Fd, request, Description);
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _sys.Close(fd);
        }
    }

    /// <summary>Names the consumer holding the first busy line (uAPI: line info flag USED + consumer).</summary>
    private string BusyMessage(GpioRequest request)
    {
        foreach (var line in request.Lines)
        {
            var info = new GpioV2LineInfo { Offset = (uint)line.Offset };
            if (_sys.GetLineInfo(_fd, ref info) == 0 && (info.Flags & (ulong)GpioLineFlags.Used) != 0)
            {
                return GpioMessages.Busy(line.Offset, Description, GpioName.Read(in info.Consumer));
            }
        }

        var offsets = string.Join(", ", request.Lines.Select(l => l.Offset));
        return $"lines {offsets} on {Description} are busy (EBUSY), and the holder released them before it could be named";
    }
}
