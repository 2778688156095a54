namespace Terminal.Hardware.Gpio.Linux.Interop;

/// <summary>Constants of the GPIO character device uAPI v2 (<c>linux/gpio.h</c>, Linux ≥ 5.10).</summary>
internal static class GpioUapi
{
    /// <summary><c>GPIO_MAX_NAME_SIZE</c>: name, label and consumer buffers, NUL included.</summary>
    public const int MaxNameSize = 32;

    /// <summary><c>GPIO_V2_LINES_MAX</c>: lines in one request.</summary>
    public const int LinesMax = 64;

    /// <summary><c>GPIO_V2_LINE_NUM_ATTRS_MAX</c>: attributes in one line config.</summary>
    public const int NumAttrsMax = 10;

    // ioctl numbers: _IOC(dir, 0xB4, nr, size) = dir << 30 | size << 16 | 0xB4 << 8 | nr (asm-generic/ioctl.h,
    // the same on x86-64, arm and arm64). The ABI test recomputes them from the kernel header with gcc.
    private const uint IocRead = 2, IocReadWrite = 3, Type = 0xB4;

    /// <summary><c>GPIO_GET_CHIPINFO_IOCTL</c>: <c>_IOR(0xB4, 0x01, struct gpiochip_info)</c>.</summary>
    public const uint GetChipInfoIoctl = (IocRead << 30) | (GpioChipInfo.Size << 16) | (Type << 8) | 0x01;

    /// <summary><c>GPIO_V2_GET_LINEINFO_IOCTL</c>: <c>_IOWR(0xB4, 0x05, struct gpio_v2_line_info)</c>.</summary>
    public const uint GetLineInfoIoctl = (IocReadWrite << 30) | (GpioV2LineInfo.Size << 16) | (Type << 8) | 0x05;

    /// <summary><c>GPIO_V2_GET_LINE_IOCTL</c>: <c>_IOWR(0xB4, 0x07, struct gpio_v2_line_request)</c>.</summary>
    public const uint GetLineIoctl = (IocReadWrite << 30) | (GpioV2LineRequest.Size << 16) | (Type << 8) | 0x07;

    /// <summary><c>GPIO_V2_LINE_GET_VALUES_IOCTL</c>: <c>_IOWR(0xB4, 0x0E, struct gpio_v2_line_values)</c>.</summary>
    public const uint GetValuesIoctl = (IocReadWrite << 30) | (GpioV2LineValues.Size << 16) | (Type << 8) | 0x0E;

    /// <summary><c>GPIO_V2_LINE_SET_VALUES_IOCTL</c>: <c>_IOWR(0xB4, 0x0F, struct gpio_v2_line_values)</c>.</summary>
    public const uint SetValuesIoctl = (IocReadWrite << 30) | (GpioV2LineValues.Size << 16) | (Type << 8) | 0x0F;

    /// <summary><c>GPIO_V2_LINE_ATTR_ID_FLAGS</c>.</summary>
    public const uint AttrIdFlags = 1;

    /// <summary><c>GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES</c>.</summary>
    public const uint AttrIdOutputValues = 2;

    /// <summary><c>GPIO_V2_LINE_EVENT_RISING_EDGE</c>.</summary>
    public const uint EventRisingEdge = 1;

    /// <summary><c>GPIO_V2_LINE_EVENT_FALLING_EDGE</c>.</summary>
    public const uint EventFallingEdge = 2;
}
