using System.Runtime.InteropServices;

namespace Terminal.Hardware.Gpio.Linux.Interop;

/// <summary><c>struct gpio_v2_line_request</c>: the argument of <c>GPIO_V2_GET_LINE_IOCTL</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct GpioV2LineRequest
{
    public const int Size = 592;

    [FieldOffset(0)]
    public GpioOffsets Offsets;

    [FieldOffset(256)]
    public GpioName Consumer;

    [FieldOffset(288)]
    public GpioV2LineConfig Config;

    [FieldOffset(560)]
    public uint NumLines;

    [FieldOffset(564)]
    public uint EventBufferSize;

    // padding[5] at 568..587 stays zero.

    /// <summary>Set by the kernel: the file descriptor of the requested lines.</summary>
    [FieldOffset(588)]
    public int Fd;
}
