using System.Runtime.InteropServices;

namespace Terminal.Hardware.KernelChecks;

/// <summary>
/// A second, plain reader of an evdev device (another program, a console): while the terminal's
/// reader has grabbed the device, its own EVIOCGRAB fails with EBUSY and it receives no events.
/// </summary>
internal sealed class EvdevProbe : IDisposable
{
    private const int EBusy = 16, EAgain = 11;
    private const nuint EvIocGrab = 0x40044590;
    private readonly int _fd;

    public EvdevProbe(string path)
    {
        _fd = Libc.open(path, Libc.ORdOnly | Libc.ONonBlock);
        if (_fd < 0)
        {
            throw new IOException($"open {path}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Whether another descriptor holds the grab (our attempt fails with EBUSY; a successful one is undone).</summary>
    public bool GrabbedElsewhere()
    {
        if (Libc.ioctl(_fd, EvIocGrab, 1) == 0)
        {
            _ = Libc.ioctl(_fd, EvIocGrab, 0);
            return false;
        }

        return Marshal.GetLastPInvokeError() == EBusy;
    }

    /// <summary>Bytes of events waiting for this descriptor (0 when the read would block).</summary>
    public int PendingBytes()
    {
        var buffer = new byte[24 * 64];
        var n = (int)Libc.read(_fd, buffer, buffer.Length);
        return n >= 0 ? n : Marshal.GetLastPInvokeError() == EAgain ? 0 : throw new IOException($"read: errno {Marshal.GetLastPInvokeError()}");
    }

    public void Dispose() => _ = Libc.close(_fd);
}
