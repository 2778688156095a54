namespace Terminal.Hardware.Gpio;

/// <summary>Line direction.</summary>
public enum GpioDirection
{
    /// <summary>Input.</summary>
    Input,

    /// <summary>Output.</summary>
    Output,
}

/// <summary>Line bias (pull resistor).</summary>
public enum GpioBias
{
    /// <summary>Leave as is.</summary>
    AsIs,

    /// <summary>Pull-up.</summary>
    PullUp,

    /// <summary>Pull-down.</summary>
    PullDown,

    /// <summary>No pull.</summary>
    Disabled,
}

/// <summary>Which edges of an input produce events.</summary>
[Flags]
public enum GpioEdges
{
    /// <summary>No edge events.</summary>
    None = 0,

    /// <summary>Inactive → active.</summary>
    Rising = 1,

    /// <summary>Active → inactive.</summary>
    Falling = 2,

    /// <summary>Both edges.</summary>
    Both = Rising | Falling,
}

/// <summary>Configuration of one line in a request.</summary>
/// <param name="Offset">Line offset on the chip.</param>
/// <param name="Direction">Input or output.</param>
/// <param name="Bias">Pull resistor.</param>
/// <param name="ActiveLow">Logical value is the inverse of the physical level.</param>
/// <param name="Edges">Edges reported for inputs.</param>
/// <param name="InitialValue">Initial logical value of an output.</param>
public sealed record GpioLineConfig(
    int Offset,
    GpioDirection Direction,
    GpioBias Bias = GpioBias.AsIs,
    bool ActiveLow = false,
    GpioEdges Edges = GpioEdges.None,
    bool InitialValue = false);

/// <summary>A request for several lines of one chip (uAPI v2 <c>gpio_v2_line_request</c>).</summary>
/// <param name="Consumer">Consumer name shown to other users of the chip (e.g. <c>terminal</c>).</param>
/// <param name="Lines">Lines and their configuration.</param>
/// <param name="EventBufferSize">Kernel edge-event buffer size; ≥ 256 so Wiegand bursts fit.</param>
public sealed record GpioRequest(string Consumer, IReadOnlyList<GpioLineConfig> Lines, int EventBufferSize = 256);
