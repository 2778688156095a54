using System.Runtime.InteropServices;

namespace Terminal.Hardware.Gpio.Linux.Interop;

/// <summary><c>struct gpio_v2_line_config</c>: default flags plus per-line attributes.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct GpioV2LineConfig
{
    public const int Size = 272;

    [FieldOffset(0)]
    public ulong Flags;

    [FieldOffset(8)]
    public uint NumAttrs;

    // padding[5] at 12..31 stays zero: the kernel rejects non-zero padding.
    [FieldOffset(32)]
    public GpioConfigAttributes Attrs;
}
