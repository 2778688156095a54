using System.Buffers.Binary;

namespace Terminal.Hardware.Readers.Keyboard.Evdev;

/// <summary>
/// The evdev ABI (<c>linux/input.h</c>): <c>struct input_event</c> is a <c>struct timeval</c>
/// (two longs: 16 bytes on 64-bit, 8 on 32-bit, also with 64-bit time_t, where the header uses
/// <c>__kernel_ulong_t</c> fields) then <c>__u16 type, __u16 code, __s32 value</c>. Checked against
/// the header by tests/…/Evdev/EvdevAbiTests.
/// </summary>
internal static class EvdevUapi
{
    /// <summary><c>EV_KEY</c>: a key changed.</summary>
    public const ushort EvKey = 0x01;

    /// <summary>Value of an <c>EV_KEY</c> event for a press (0 is a release, 2 an autorepeat).</summary>
    public const int KeyPressed = 1;

    /// <summary><c>EVIOCGRAB</c> = <c>_IOW('E', 0x90, int)</c>: only this descriptor gets the device's events.</summary>
    public const uint GrabIoctl = (1u << 30) | (sizeof(int) << 16) | ('E' << 8) | 0x90;

    /// <summary><c>sizeof(struct input_event)</c> for this process.</summary>
    public static int EventSize { get; } = (2 * IntPtr.Size) + 8;

    /// <summary><c>offsetof(struct input_event, type)</c>; <c>code</c> and <c>value</c> follow.</summary>
    public static int TypeOffset { get; } = 2 * IntPtr.Size;

    /// <summary>Reads <c>type</c>, <c>code</c> and <c>value</c> of one event (native byte order).</summary>
    public static (ushort Type, ushort Code, int Value) Read(ReadOnlySpan<byte> record)
    {
        var fields = record[TypeOffset..];
        return BitConverter.IsLittleEndian
            ? (BinaryPrimitives.ReadUInt16LittleEndian(fields), BinaryPrimitives.ReadUInt16LittleEndian(fields[2..]), BinaryPrimitives.ReadInt32LittleEndian(fields[4..]))
            : (BinaryPrimitives.ReadUInt16BigEndian(fields), BinaryPrimitives.ReadUInt16BigEndian(fields[2..]), BinaryPrimitives.ReadInt32BigEndian(fields[4..]));
    }
}
