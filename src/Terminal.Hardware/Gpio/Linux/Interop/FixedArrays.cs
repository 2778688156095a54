using System.Runtime.CompilerServices;
using System.Text;

namespace Terminal.Hardware.Gpio.Linux.Interop;

/// <summary><c>char[GPIO_MAX_NAME_SIZE]</c>: a NUL-terminated name.</summary>
[InlineArray(GpioUapi.MaxNameSize)]
internal struct GpioName
{
    private byte _element;

    /// <summary>Decodes up to the first NUL.</summary>
    public static string Read(in GpioName name)
    {
        ReadOnlySpan<byte> bytes = name;
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    /// <summary>Encodes <paramref name="text"/>, truncated so the NUL terminator fits (the kernel does the same).</summary>
    public static void Write(ref GpioName name, string text)
    {
        Span<byte> bytes = name;
        bytes.Clear();
        var encoded = Encoding.UTF8.GetBytes(text);
        encoded.AsSpan(0, Math.Min(encoded.Length, GpioUapi.MaxNameSize - 1)).CopyTo(bytes);
    }
}

/// <summary><c>__u32 offsets[GPIO_V2_LINES_MAX]</c>.</summary>
[InlineArray(GpioUapi.LinesMax)]
internal struct GpioOffsets
{
    private uint _element;
}

/// <summary><c>struct gpio_v2_line_config_attribute attrs[GPIO_V2_LINE_NUM_ATTRS_MAX]</c>.</summary>
[InlineArray(GpioUapi.NumAttrsMax)]
internal struct GpioConfigAttributes
{
    private GpioV2LineConfigAttribute _element;
}

/// <summary><c>struct gpio_v2_line_attribute attrs[GPIO_V2_LINE_NUM_ATTRS_MAX]</c>.</summary>
[InlineArray(GpioUapi.NumAttrsMax)]
internal struct GpioLineAttributes
{
    private GpioV2LineAttribute _element;
}
