using System.Runtime.InteropServices;
using System.Threading.Channels;
using Terminal.Hardware.Gpio.Linux;

namespace Terminal.Hardware.Readers.Keyboard.Evdev;

/// <summary>
/// A keyboard reader's own evdev device (<c>/dev/input/by-id/…-event-kbd</c>), opened and grabbed
/// with <c>EVIOCGRAB</c> so its key presses reach only this program, never a console or the kiosk
/// browser. Events are read on a dedicated thread (<see cref="PollLoop"/>, as the GPIO edge pump
/// does, with the same system calls); when the device is
/// unplugged the kernel fails the read with <c>ENODEV</c> and <see cref="ReadKeyAsync"/> throws.
/// Hand-written: no served package reads evdev (docs/decisions/evdev-keyboard-reader.md).
/// </summary>
public sealed class EvdevKeyboard : IKeyboardDevice
{
    private const int EventsPerRead = 64;
    private readonly IGpioSyscalls _sys;
    private readonly string _path;
    private readonly int _fd;
    private readonly int _wakeFd;
    private readonly Channel<ushort> _keys = Channel.CreateBounded<ushort>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;
    private int _disposed;

    private EvdevKeyboard(IGpioSyscalls sys, string path, int fd, int wakeFd)
    {
        _sys = sys;
        _path = path;
        _fd = fd;
        _wakeFd = wakeFd;
        _thread = new Thread(Run) { IsBackground = true, Name = "evdev-keys" };
        _thread.Start();
    }

    /// <summary>Opens and grabs the input device at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">Not there, not accessible, or grabbed by another program; the message says which.</exception>
    public static EvdevKeyboard Open(string path) => Open(path, LibcGpioSyscalls.Instance);

    internal static EvdevKeyboard Open(string path, IGpioSyscalls sys)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fd = sys.Open(path);
        if (fd < 0)
        {
            throw new IOException(fd switch
            {
                -Errno.ENOENT => $"{path}: not there ({Errno.Describe(fd)}): is the reader plugged in? (ls -l /dev/input/by-id/)",
                -Errno.EACCES or -Errno.EPERM => $"{path}: {Errno.Describe(fd)}: the service user must be in group '{sys.GroupOf(path) ?? "input"}'",
                _ => $"{path}: cannot open: {Errno.Describe(fd)}",
            });
        }

        var rc = Native.Grab(fd, 1);
        if (rc < 0)
        {
            sys.Close(fd);
            throw new IOException(rc == -Errno.EBUSY
                ? $"{path}: another program has grabbed it (EVIOCGRAB: {Errno.Describe(rc)})"
                : $"{path}: EVIOCGRAB failed: {Errno.Describe(rc)} (not an input device?)");
        }

        var wake = sys.CreateWakeFd();
        if (wake < 0)
        {
            sys.Close(fd);
            throw new IOException($"{path}: cannot create the wake-up eventfd: {Errno.Describe(wake)}");
        }

        return new EvdevKeyboard(sys, path, fd, wake);
    }

    /// <inheritdoc/>
    public async ValueTask<ushort> ReadKeyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _keys.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw new IOException(e.InnerException?.Message ?? $"{_path}: closed", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _sys.Wake(_wakeFd);
        _thread.Join();
        _sys.Close(_wakeFd);
        _sys.Close(_fd); // closing the descriptor also ends the grab
        _stopping.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[EventsPerRead * EvdevUapi.EventSize];
        try
        {
            var rc = PollLoop.Run(_sys, _fd, _wakeFd, _stopping.Token, () => Forward(buffer));
            if (rc < 0)
            {
                throw new IOException($"{_path}: waiting for input failed: {Errno.Describe(rc)}");
            }

            _keys.Writer.TryComplete();
        }
        catch (IOException e)
        {
            _keys.Writer.TryComplete(e);
        }
    }

    private bool Forward(byte[] buffer)
    {
        var n = _sys.Read(_fd, buffer);
        if (n is -Errno.EAGAIN or -Errno.EINTR)
        {
            return true;
        }

        if (n < 0)
        {
            throw new IOException(n == -Errno.ENODEV ? $"{_path}: unplugged ({Errno.Describe(n)})" : $"{_path}: read failed: {Errno.Describe(n)}");
        }

        if (n == 0 || n % EvdevUapi.EventSize != 0)
        {
            throw new IOException($"{_path}: read returned {n} bytes, not whole {EvdevUapi.EventSize}-byte input events");
        }

        for (var offset = 0; offset < n; offset += EvdevUapi.EventSize)
        {
            var (type, code, value) = EvdevUapi.Read(buffer.AsSpan(offset, EvdevUapi.EventSize));
            if (type == EvdevUapi.EvKey && value == EvdevUapi.KeyPressed && !_keys.Writer.TryWrite(code))
            {
                // 1024 unread presses: nobody is reading; dropping keeps the kernel buffer from overflowing.
                break;
            }
        }

        return true;
    }

    private static class Native
    {
        // The argument is passed as a long: the kernel reads the whole register (evdev_do_ioctl: "if (p)").
        public static int Grab(int fd, nint grab) => ioctl(fd, EvdevUapi.GrabIoctl, grab) < 0 ? -Marshal.GetLastPInvokeError() : 0;

        [DllImport("libc", SetLastError = true)]
        private static extern int ioctl(int fd, nuint request, nint arg);
    }
}
