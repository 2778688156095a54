using System.Runtime.InteropServices;

namespace Terminal.Hardware.Gpio.Linux.Interop;

/// <summary><c>struct gpio_v2_line_values</c>: bit i is the i-th line of the request.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct GpioV2LineValues
{
    public const int Size = 16;

    [FieldOffset(0)]
    public ulong Bits;

    [FieldOffset(8)]
    public ulong Mask;
}
