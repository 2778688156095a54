using System.Runtime.InteropServices;

namespace Terminal.Hardware.Gpio.Linux.Interop;

/// <summary><c>struct gpiochip_info</c> (<c>linux/gpio.h</c>).</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct GpioChipInfo
{
    public const int Size = 68;

    [FieldOffset(0)]
    public GpioName Name;

    [FieldOffset(32)]
    public GpioName Label;

    [FieldOffset(64)]
    public uint Lines;
}
