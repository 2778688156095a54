using System.Runtime.InteropServices;
using Terminal.Hardware.Gpio.Linux;
using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Tests.Gpio.Linux;

/// <summary>An in-memory stand-in for the kernel behind <see cref="IGpioSyscalls"/>, with injectable errors.</summary>
internal sealed class FakeGpioKernel : IGpioSyscalls
{
    private readonly object _gate = new();
    private readonly List<FakeChip> _chips = [];
    private readonly Dictionary<int, FakeChip> _chipFds = [];
    private readonly Dictionary<int, Queue<byte[]>> _lineReads = [];
    private readonly HashSet<int> _wakeFds = [];
    private readonly HashSet<int> _woken = [];
    private int _nextFd = 3;

    public List<int> Closed { get; } = [];

    public GpioV2LineRequest? LastRequest { get; private set; }

    public int LastLineFd { get; private set; } = -1;

    public int RequestResult { get; set; }

    public int ValuesResult { get; set; }

    public int PollResult { get; set; }

    public GpioV2LineValues LastSetValues { get; private set; }

    public ulong ValueBits { get; set; }

    public int PollCalls { get; private set; }

    public HashSet<int> OpenFds { get; } = [];

    public FakeChip AddChip(string path, string name, string label, uint lines)
    {
        var chip = new FakeChip(path, name, label, lines);
        _chips.Add(chip);
        return chip;
    }

    /// <summary>Queues what the next read() on the line descriptor returns (raw bytes, or -errno when length is 0 and errno set).</summary>
    public void QueueRead(int lineFd, byte[] bytes)
    {
        lock (_gate)
        {
            _lineReads[lineFd].Enqueue(bytes);
            Monitor.PulseAll(_gate);
        }
    }

    public void QueueEvents(int lineFd, params GpioV2LineEvent[] events)
    {
        var bytes = new byte[events.Length * GpioV2LineEvent.Size];
        for (var i = 0; i < events.Length; i++)
        {
            MemoryMarshal.Write(bytes.AsSpan(i * GpioV2LineEvent.Size), in events[i]);
        }

        QueueRead(lineFd, bytes);
    }

    public void FailPolls(int negativeErrno)
    {
        lock (_gate)
        {
            PollResult = negativeErrno;
            Monitor.PulseAll(_gate);
        }
    }

    public IReadOnlyList<string> ChipDevicePaths() => [.. _chips.Select(c => c.Path)];

    public int Open(string path)
    {
        var chip = _chips.Single(c => c.Path == path);
        if (chip.OpenErrno != 0)
        {
            return -chip.OpenErrno;
        }

        var fd = NewFd();
        _chipFds[fd] = chip;
        return fd;
    }

    public int Close(int fd)
    {
        lock (_gate)
        {
            Closed.Add(fd);
            return OpenFds.Remove(fd) ? 0 : -Errno.EBADF;
        }
    }

    public int GetChipInfo(int chipFd, ref GpioChipInfo info)
    {
        var chip = _chipFds[chipFd];
        GpioName.Write(ref info.Name, chip.Name);
        GpioName.Write(ref info.Label, chip.Label);
        info.Lines = chip.Lines;
        return 0;
    }

    public int GetLineInfo(int chipFd, ref GpioV2LineInfo info)
    {
        var chip = _chipFds[chipFd];
        var used = chip.Consumers.TryGetValue((int)info.Offset, out var consumer);
        info.Flags = (ulong)(used ? GpioLineFlags.Input | GpioLineFlags.Used : GpioLineFlags.Input);
        GpioName.Write(ref info.Consumer, consumer ?? string.Empty);
        return 0;
    }

    public int RequestLines(int chipFd, ref GpioV2LineRequest request)
    {
        LastRequest = request;
        if (RequestResult < 0)
        {
            return RequestResult;
        }

        request.Fd = NewFd();
        LastLineFd = request.Fd;
        lock (_gate)
        {
            _lineReads[request.Fd] = new Queue<byte[]>();
        }

        return 0;
    }

    public int GetValues(int lineFd, ref GpioV2LineValues values)
    {
        values.Bits = ValueBits & values.Mask;
        return ValuesResult;
    }

    public int SetValues(int lineFd, ref GpioV2LineValues values)
    {
        LastSetValues = values;
        return ValuesResult;
    }

    public int Read(int fd, Span<byte> buffer)
    {
        lock (_gate)
        {
            if (!_lineReads[fd].TryDequeue(out var bytes))
            {
                return -Errno.EAGAIN;
            }

            if (bytes.Length == 4 && BitConverter.ToInt32(bytes) < 0)
            {
                return BitConverter.ToInt32(bytes); // a queued -errno
            }

            bytes.CopyTo(buffer);
            return bytes.Length;
        }
    }

    public int CreateWakeFd()
    {
        var fd = NewFd();
        lock (_gate)
        {
            _wakeFds.Add(fd);
        }

        return fd;
    }

    public int Wake(int wakeFd)
    {
        lock (_gate)
        {
            _woken.Add(wakeFd);
            Monitor.PulseAll(_gate);
            return 8;
        }
    }

    public int Poll(int lineFd, int wakeFd, out bool lineReadable, out bool woken)
    {
        lock (_gate)
        {
            PollCalls++;
            while (true)
            {
                woken = _woken.Contains(wakeFd);
                lineReadable = _lineReads[lineFd].Count > 0;
                if (PollResult < 0)
                {
                    return PollResult;
                }

                if (woken || lineReadable)
                {
                    return 0;
                }

                Monitor.Wait(_gate);
            }
        }
    }

    public string? GroupOf(string path) => _chips.Single(c => c.Path == path).Group;

    public static GpioV2LineEvent Edge(uint offset, uint id, ulong ts, uint seqno, uint lineSeqno) =>
        new() { Offset = offset, Id = id, TimestampNs = ts, Seqno = seqno, LineSeqno = lineSeqno };

    private int NewFd()
    {
        lock (_gate)
        {
            var fd = _nextFd++;
            OpenFds.Add(fd);
            return fd;
        }
    }

    internal sealed class FakeChip(string path, string name, string label, uint lines)
    {
        public string Path { get; } = path;

        public string Name { get; } = name;

        public string Label { get; } = label;

        public uint Lines { get; } = lines;

        public int OpenErrno { get; set; }

        public string? Group { get; set; }

        public Dictionary<int, string> Consumers { get; } = [];
    }
}
