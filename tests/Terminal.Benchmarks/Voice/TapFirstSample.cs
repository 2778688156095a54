using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Terminal.Benchmarks.Voice;

/// <summary>
/// Notes when the first sample of one writer reaches an ALSA tap's named pipe, then drains the pipe
/// until that writer closes. The read end is opened non-blocking before the writer starts, and the
/// thread waits in poll(2): on Linux a pipe that never had a writer reports neither data nor hang-up,
/// so poll returns exactly when the first bytes are there.
/// </summary>
internal sealed class TapFirstSample : IDisposable
{
    private const int ORdOnly = 0x0, ONonBlock = 0x800, OCloExec = 0x80000; // asm-generic/fcntl.h
    private const short PollIn = 0x1;
    private const int EAgain = 11;

    private readonly int _fd;
    private readonly Task<(long FirstAt, long Bytes)> _reading;

    /// <summary>Opens <paramref name="fifo"/> and starts waiting; returns once the wait is armed.</summary>
    public TapFirstSample(string fifo)
    {
        _fd = Native.open(fifo, ORdOnly | ONonBlock | OCloExec);
        if (_fd < 0)
        {
            throw new IOException($"open {fifo}: errno {Marshal.GetLastPInvokeError()}");
        }

        using var armed = new ManualResetEventSlim();
        _reading = Task.Factory.StartNew(() => Drain(armed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        armed.Wait();
    }

    /// <summary>When the first sample arrived (<see cref="Stopwatch.GetTimestamp"/>) and how many bytes the writer sent.</summary>
    public Task<(long FirstAt, long Bytes)> Result => _reading;

    public void Dispose() => Native.close(_fd);

    private (long FirstAt, long Bytes) Drain(ManualResetEventSlim armed)
    {
        var buffer = new byte[64 * 1024];
        long firstAt = 0, total = 0;
        armed.Set();
        while (true)
        {
            var fds = new[] { new PollFd { Fd = _fd, Events = PollIn } };
            if (Native.poll(fds, 1, 30_000) == 0)
            {
                throw new TimeoutException("nothing reached the tap in 30 s");
            }

            firstAt = firstAt == 0 ? Stopwatch.GetTimestamp() : firstAt;
            var n = (long)Native.read(_fd, buffer, buffer.Length);
            if (n > 0)
            {
                total += n;
            }
            else if (n == 0)
            {
                return (firstAt, total); // the writer closed and the pipe is empty
            }
            else if (Marshal.GetLastPInvokeError() != EAgain)
            {
                throw new IOException($"read from the tap: errno {Marshal.GetLastPInvokeError()}");
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int poll([In, Out] PollFd[] fds, nuint nfds, int timeout);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, byte[] buffer, nint count);
    }
}
