using System.Runtime.InteropServices;
using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Gpio.Linux;

/// <summary>The real system calls, through libc.</summary>
internal sealed class LibcGpioSyscalls : IGpioSyscalls
{
    private const int ORdWr = 0x2, OCloExec = 0x80000; // asm-generic/fcntl.h (x86-64, arm64)
    private const int EfdNonBlock = 0x800, EfdCloExec = 0x80000;
    private const short PollIn = 0x1;

    public static LibcGpioSyscalls Instance { get; } = new();

    public IReadOnlyList<string> ChipDevicePaths() =>
        Directory.Exists("/dev")
            ? [.. Directory.EnumerateFiles("/dev", "gpiochip*").Order(StringComparer.Ordinal)]
            : [];

    public int Open(string path) => Result(Native.open(path, ORdWr | OCloExec));

    public int Close(int fd) => Result(Native.close(fd));

    public int GetChipInfo(int chipFd, ref GpioChipInfo info) =>
        Result(Native.ioctl(chipFd, GpioUapi.GetChipInfoIoctl, ref info));

    public int GetLineInfo(int chipFd, ref GpioV2LineInfo info) =>
        Result(Native.ioctl(chipFd, GpioUapi.GetLineInfoIoctl, ref info));

    public int RequestLines(int chipFd, ref GpioV2LineRequest request) =>
        Result(Native.ioctl(chipFd, GpioUapi.GetLineIoctl, ref request));

    public int GetValues(int lineFd, ref GpioV2LineValues values) =>
        Result(Native.ioctl(lineFd, GpioUapi.GetValuesIoctl, ref values));

    public int SetValues(int lineFd, ref GpioV2LineValues values) =>
        Result(Native.ioctl(lineFd, GpioUapi.SetValuesIoctl, ref values));

    public int Read(int fd, Span<byte> buffer) =>
        (int)Result(Native.read(fd, ref MemoryMarshal.GetReference(buffer), buffer.Length));

    public int CreateWakeFd() => Result(Native.eventfd(0, EfdCloExec | EfdNonBlock));

    public int Wake(int wakeFd)
    {
        ulong one = 1;
        return (int)Result(Native.write(wakeFd, ref one, sizeof(ulong)));
    }

    public int Poll(int lineFd, int wakeFd, out bool lineReadable, out bool woken)
    {
        var fds = new PollFd[] { new() { Fd = lineFd, Events = PollIn }, new() { Fd = wakeFd, Events = PollIn } };
        var rc = Result(Native.poll(fds, 2, -1));
        // Any revents (POLLIN, POLLERR, POLLHUP) means "go and look": read() reports the error.
        lineReadable = rc > 0 && fds[0].Revents != 0;
        woken = rc > 0 && fds[1].Revents != 0;
        return rc < 0 ? rc : 0;
    }

    public string? GroupOf(string path)
    {
        var stat = default(Statx);
        if (Native.statx(AtFdCwd, path, 0, StatxGid, ref stat) != 0)
        {
            return null;
        }

        return GroupDirectory.NameOf(stat.Gid) ?? stat.Gid.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private const int AtFdCwd = -100;
    private const uint StatxGid = 0x10;

    private static int Result(int rc) => rc < 0 ? -Marshal.GetLastPInvokeError() : rc;

    private static long Result(nint rc) => rc < 0 ? -Marshal.GetLastPInvokeError() : rc;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary><c>struct statx</c> (linux/stat.h): the same layout on every architecture, unlike <c>struct stat</c>.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(24)]
        public uint Gid;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int ioctl(int fd, nuint request, ref GpioChipInfo arg);

        [DllImport("libc", SetLastError = true)]
        public static extern int ioctl(int fd, nuint request, ref GpioV2LineInfo arg);

        [DllImport("libc", SetLastError = true)]
        public static extern int ioctl(int fd, nuint request, ref GpioV2LineRequest arg);

        [DllImport("libc", SetLastError = true)]
        public static extern int ioctl(int fd, nuint request, ref GpioV2LineValues arg);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, ref byte buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        public static extern nint write(int fd, ref ulong buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        public static extern int eventfd(uint initval, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int poll([In, Out] PollFd[] fds, nuint nfds, int timeout);

        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref Statx buffer);
    }
}
