using System.Runtime.InteropServices;

namespace Terminal.Hardware.Gpio.Linux.Interop;

/// <summary><c>struct gpio_v2_line_event</c>: one record read from a line request's file descriptor.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct GpioV2LineEvent
{
    public const int Size = 48;

    /// <summary>CLOCK_MONOTONIC unless the line asked for another clock.</summary>
    [FieldOffset(0)]
    public ulong TimestampNs;

    /// <summary><c>GPIO_V2_LINE_EVENT_RISING_EDGE</c> or <c>_FALLING_EDGE</c>.</summary>
    [FieldOffset(8)]
    public uint Id;

    [FieldOffset(12)]
    public uint Offset;

    /// <summary>Over the whole request, from 1; a gap means the kernel's event FIFO overflowed.</summary>
    [FieldOffset(16)]
    public uint Seqno;

    [FieldOffset(20)]
    public uint LineSeqno;

    // padding[6] at 24..47.
}
