using System.Runtime.InteropServices;

namespace Terminal.Hardware.Gpio.Linux.Interop;

/// <summary><c>struct gpio_v2_line_attribute</c>: an id and a union of flags / values / debounce period.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct GpioV2LineAttribute
{
    public const int Size = 16;

    [FieldOffset(0)]
    public uint Id;

    [FieldOffset(4)]
    public uint Padding;

    /// <summary>The union: <c>flags</c>, <c>values</c> (both <c>__aligned_u64</c>) or <c>debounce_period_us</c>.</summary>
    [FieldOffset(8)]
    public ulong Value;
}

/// <summary><c>struct gpio_v2_line_config_attribute</c>: an attribute and the lines it applies to.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct GpioV2LineConfigAttribute
{
    public const int Size = 24;

    [FieldOffset(0)]
    public GpioV2LineAttribute Attr;

    /// <summary>Bit i selects the i-th line of the request (an index into offsets, not a line offset).</summary>
    [FieldOffset(16)]
    public ulong Mask;
}
