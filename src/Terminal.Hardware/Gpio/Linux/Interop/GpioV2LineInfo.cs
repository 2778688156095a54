using System.Runtime.InteropServices;

namespace Terminal.Hardware.Gpio.Linux.Interop;

/// <summary><c>struct gpio_v2_line_info</c>: the argument of <c>GPIO_V2_GET_LINEINFO_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct GpioV2LineInfo
{
    public const int Size = 256;

    [FieldOffset(0)]
    public GpioName Name;

    /// <summary>Who holds the line (empty when free).</summary>
    [FieldOffset(32)]
    public GpioName Consumer;

    /// <summary>In: the line to describe.</summary>
    [FieldOffset(64)]
    public uint Offset;

    [FieldOffset(68)]
    public uint NumAttrs;

    [FieldOffset(72)]
    public ulong Flags;

    [FieldOffset(80)]
    public GpioLineAttributes Attrs;

    // padding[4] at 240..255.
}
