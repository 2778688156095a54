namespace Terminal.Hardware.Gpio;

/// <summary>
/// A GPIO chip: the Linux character device (<c>/dev/gpiochipN</c>) on a device, or the simulated
/// chip on a development machine. Callers only see this interface.
/// </summary>
public interface IGpioChip : IDisposable
{
    /// <summary>Chip label, e.g. <c>pinctrl-bcm2711</c>; boards find chips by label, never by number.</summary>
    string Label { get; }

    /// <summary>Kernel name, e.g. <c>gpiochip0</c>.</summary>
    string Name { get; }

    /// <summary>Number of lines.</summary>
    int LineCount { get; }

    /// <summary>Claims lines with their configuration (one uAPI v2 line request).</summary>
    /// <exception cref="GpioException">A line is busy, out of range, or the chip refuses.</exception>
    IGpioLineRequest RequestLines(GpioRequest request);
}

/// <summary>Opens chips by label.</summary>
public interface IGpioChipProvider
{
    /// <summary>Opens the chip with <paramref name="label"/>.</summary>
    /// <exception cref="GpioException">No chip has that label (the message lists those present) or access is denied.</exception>
    IGpioChip Open(string label);
}
