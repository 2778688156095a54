using System.Runtime.InteropServices;

namespace Terminal.Hardware.KernelChecks;

/// <summary>The libc calls the checks make on input devices (uinput, evdev); failures leave errno in <see cref="Marshal.GetLastPInvokeError"/>.</summary>
internal static class Libc
{
    public const int ORdOnly = 0, OWrOnly = 0x1, ONonBlock = 0x800; // asm-generic/fcntl.h

    [DllImport("libc", SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    public static extern int ioctl(int fd, nuint request, nint arg);

    [DllImport("libc", SetLastError = true)]
    public static extern int ioctl(int fd, nuint request, byte[] arg);

    [DllImport("libc", SetLastError = true)]
    public static extern nint read(int fd, byte[] buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    public static extern nint write(int fd, byte[] buffer, nint count);
}
