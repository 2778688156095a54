using System.Runtime.InteropServices;
using System.Text;

namespace Terminal.Hardware.KernelChecks;

/// <summary>
/// A virtual USB keyboard made through <c>/dev/uinput</c> (linux/uinput.h, Documentation/input/uinput.rst):
/// the kernel creates a real evdev device (<c>/dev/input/eventN</c>) for it, and <see cref="Type"/>
/// sends key presses through it as a card reader would.
/// </summary>
internal sealed class UinputKeyboard : IDisposable
{
    private const nuint UiSetEvBit = 0x40045564, UiSetKeyBit = 0x40045565, UiDevCreate = 0x5501, UiDevDestroy = 0x5502;
    private const nuint UiDevSetup = (1u << 30) | (92u << 16) | ('U' << 8) | 3; // _IOW('U', 3, struct uinput_setup)
    private const ushort EvSyn = 0, EvKey = 1, BusUsb = 0x03;
    private readonly int _fd;

    public UinputKeyboard(string name)
    {
        _fd = Libc.open("/dev/uinput", Libc.OWrOnly | Libc.ONonBlock);
        Check(_fd, "open /dev/uinput");
        Check(Libc.ioctl(_fd, UiSetEvBit, EvKey), "UI_SET_EVBIT");
        for (nint code = 1; code < 128; code++)
        {
            Check(Libc.ioctl(_fd, UiSetKeyBit, code), "UI_SET_KEYBIT");
        }

        var setup = new byte[92];
        BitConverter.TryWriteBytes(setup.AsSpan(0), BusUsb);
        BitConverter.TryWriteBytes(setup.AsSpan(2), (ushort)0x1234);
        BitConverter.TryWriteBytes(setup.AsSpan(4), (ushort)0x5678);
        Encoding.ASCII.GetBytes(name).CopyTo(setup, 8);
        Check(Libc.ioctl(_fd, UiDevSetup, setup), "UI_DEV_SETUP");
        Check(Libc.ioctl(_fd, UiDevCreate, 0), "UI_DEV_CREATE");
        EventPath = FindEventNode(name);
    }

    /// <summary>The evdev node the kernel made, e.g. <c>/dev/input/event0</c>.</summary>
    public string EventPath { get; }

    /// <summary>Presses and releases the key of each character: digits, letters (as 'a'), <c>\n</c> as Enter, anything else as '/'.</summary>
    public void Type(string text)
    {
        foreach (var c in text)
        {
            ushort code = c switch
            {
                '\n' => 28,
                '0' => 11,
                >= '1' and <= '9' => (ushort)(2 + c - '1'),
                _ when char.IsAsciiLetter(c) => 30,
                _ => 53,
            };
            Send(EvKey, code, 1);
            Send(EvSyn, 0, 0);
            Send(EvKey, code, 0);
            Send(EvSyn, 0, 0);
        }
    }

    public void Dispose()
    {
        _ = Libc.ioctl(_fd, UiDevDestroy, 0);
        _ = Libc.close(_fd);
    }

    private static string FindEventNode(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var node in Directory.EnumerateDirectories("/sys/class/input", "event*"))
            {
                var nameFile = Path.Combine(node, "device", "name");
                var path = Path.Combine("/dev/input", Path.GetFileName(node));
                if (File.Exists(nameFile) && File.ReadAllText(nameFile).Trim() == name && File.Exists(path))
                {
                    return path;
                }
            }

            Thread.Yield();
        }

        throw new TimeoutException($"no /dev/input/event* for uinput device '{name}' within 10 s");
    }

    private void Send(ushort type, ushort code, int value)
    {
        var record = new byte[24]; // struct input_event on 64-bit: timeval (16), type, code, value
        BitConverter.TryWriteBytes(record.AsSpan(16), type);
        BitConverter.TryWriteBytes(record.AsSpan(18), code);
        BitConverter.TryWriteBytes(record.AsSpan(20), value);
        Check((int)Libc.write(_fd, record, record.Length), "write input_event");
    }

    private static void Check(int rc, string what)
    {
        if (rc < 0)
        {
            throw new IOException($"{what} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }
}
