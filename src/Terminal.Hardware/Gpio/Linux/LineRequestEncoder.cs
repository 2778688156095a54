using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Gpio.Linux;

/// <summary>
/// Turns a <see cref="GpioRequest"/> into a <c>gpio_v2_line_request</c>: the first line's flags are
/// the default, every other distinct flag set and the outputs' initial values become attributes
/// whose mask selects lines by their index in the request (linux/gpio.h, struct gpio_v2_line_config).
/// </summary>
internal static class LineRequestEncoder
{
    /// <summary>Edge FIFO floor: a 37-bit Wiegand frame is 74 edges on D0/D1 with both edges enabled.</summary>
    public const int MinEventBufferSize = 256;

    public static GpioV2LineRequest Encode(GpioRequest request, int lineCount, string chipDescription)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = request.Lines;
        if (lines.Count is 0 or > GpioUapi.LinesMax)
        {
            throw new GpioException($"a request on {chipDescription} needs 1 to {GpioUapi.LinesMax} lines, got {lines.Count}");
        }

        var encoded = default(GpioV2LineRequest);
        GpioName.Write(ref encoded.Consumer, request.Consumer);
        encoded.NumLines = (uint)lines.Count;

        var flagSets = new List<(ulong Flags, ulong Mask)>();
        ulong outputMask = 0, outputValues = 0;
        var seen = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Offset < 0 || line.Offset >= lineCount)
            {
                throw new GpioException($"line {line.Offset} is out of range on {chipDescription} ({lineCount} lines): check the board configuration");
            }

            if (!seen.Add(line.Offset))
            {
                throw new GpioException($"line {line.Offset} appears twice in one request on {chipDescription}");
            }

            encoded.Offsets[i] = (uint)line.Offset;
            var flags = (ulong)FlagsOf(line, chipDescription);
            var index = flagSets.FindIndex(s => s.Flags == flags);
            if (index < 0)
            {
                flagSets.Add((flags, 1UL << i));
            }
            else
            {
                flagSets[index] = (flags, flagSets[index].Mask | (1UL << i));
            }

            if (line.Direction == GpioDirection.Output)
            {
                outputMask |= 1UL << i;
                outputValues |= line.InitialValue ? 1UL << i : 0;
            }
        }

        var needed = flagSets.Count - 1 + (outputMask != 0 ? 1 : 0);
        if (needed > GpioUapi.NumAttrsMax)
        {
            throw new GpioException(
                $"a request on {chipDescription} needs {needed} line attributes, the kernel takes {GpioUapi.NumAttrsMax}: " +
                "use fewer distinct line configurations per request");
        }

        encoded.Config.Flags = flagSets[0].Flags;
        var attrs = 0;
        foreach (var (flags, mask) in flagSets.Skip(1))
        {
            encoded.Config.Attrs[attrs++] = Attribute(GpioUapi.AttrIdFlags, flags, mask);
        }

        if (outputMask != 0)
        {
            encoded.Config.Attrs[attrs++] = Attribute(GpioUapi.AttrIdOutputValues, outputValues, outputMask);
        }

        encoded.Config.NumAttrs = (uint)attrs;
        encoded.EventBufferSize = lines.Any(l => l.Edges != GpioEdges.None)
            ? (uint)Math.Max(MinEventBufferSize, request.EventBufferSize)
            : 0;
        return encoded;
    }

    private static GpioV2LineConfigAttribute Attribute(uint id, ulong value, ulong mask) =>
        new() { Attr = new GpioV2LineAttribute { Id = id, Value = value }, Mask = mask };

    private static GpioLineFlags FlagsOf(GpioLineConfig line, string chipDescription)
    {
        var flags = line.Direction == GpioDirection.Input ? GpioLineFlags.Input : GpioLineFlags.Output;
        if (line.ActiveLow)
        {
            flags |= GpioLineFlags.ActiveLow;
        }

        flags |= line.Bias switch
        {
            GpioBias.PullUp => GpioLineFlags.BiasPullUp,
            GpioBias.PullDown => GpioLineFlags.BiasPullDown,
            GpioBias.Disabled => GpioLineFlags.BiasDisabled,
            _ => GpioLineFlags.None,
        };

        if (line.Edges != GpioEdges.None && line.Direction != GpioDirection.Input)
        {
            // The kernel refuses edge detection on outputs (EINVAL); say so before asking.
            throw new GpioException($"line {line.Offset} on {chipDescription} is an output: edge detection needs an input");
        }

        if (line.Edges.HasFlag(GpioEdges.Rising))
        {
            flags |= GpioLineFlags.EdgeRising;
        }

        if (line.Edges.HasFlag(GpioEdges.Falling))
        {
            flags |= GpioLineFlags.EdgeFalling;
        }

        return flags;
    }
}
