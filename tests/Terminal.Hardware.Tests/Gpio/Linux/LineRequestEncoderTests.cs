using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Linux;
using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Tests.Gpio.Linux;

public sealed class LineRequestEncoderTests
{
    private const string Chip = "gpiochip0 \"test\"";

    [Fact]
    public void Encode_KeysAndLed_DefaultFlagsFromFirstLineAndAttributesForTheRest()
    {
        var request = new GpioRequest("terminal", [
            new GpioLineConfig(5, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
            new GpioLineConfig(6, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
            new GpioLineConfig(20, GpioDirection.Output, InitialValue: true),
            new GpioLineConfig(21, GpioDirection.Output)]);

        var encoded = LineRequestEncoder.Encode(request, 58, Chip);

        Assert.Equal(4u, encoded.NumLines);
        Assert.Equal([5u, 6u, 20u, 21u], ((ReadOnlySpan<uint>)encoded.Offsets)[..4].ToArray());
        Assert.Equal("terminal", GpioName.Read(in encoded.Consumer));
        var key = GpioLineFlags.Input | GpioLineFlags.ActiveLow | GpioLineFlags.BiasPullUp | GpioLineFlags.EdgeRising | GpioLineFlags.EdgeFalling;
        Assert.Equal((ulong)key, encoded.Config.Flags);
        Assert.Equal(2u, encoded.Config.NumAttrs);
        var outputs = encoded.Config.Attrs[0];
        Assert.Equal((GpioUapi.AttrIdFlags, (ulong)GpioLineFlags.Output, 0b1100UL), (outputs.Attr.Id, outputs.Attr.Value, outputs.Mask));
        var values = encoded.Config.Attrs[1];
        Assert.Equal((GpioUapi.AttrIdOutputValues, 0b0100UL, 0b1100UL), (values.Attr.Id, values.Attr.Value, values.Mask));
    }

    [Theory]
    [InlineData(16, 256)]
    [InlineData(256, 256)]
    [InlineData(1024, 1024)]
    public void Encode_EdgeLines_EventBufferIsAtLeast256(int asked, uint expected)
    {
        var request = new GpioRequest("wiegand", [new GpioLineConfig(0, GpioDirection.Input, Edges: GpioEdges.Falling)], asked);

        Assert.Equal(expected, LineRequestEncoder.Encode(request, 8, Chip).EventBufferSize);
    }

    [Fact]
    public void Encode_NoEdgeLines_LeavesEventBufferToTheKernel()
    {
        var request = new GpioRequest("leds", [new GpioLineConfig(0, GpioDirection.Output)]);

        Assert.Equal(0u, LineRequestEncoder.Encode(request, 8, Chip).EventBufferSize);
    }

    [Theory]
    [InlineData(GpioBias.PullDown, (ulong)GpioLineFlags.BiasPullDown)]
    [InlineData(GpioBias.Disabled, (ulong)GpioLineFlags.BiasDisabled)]
    [InlineData(GpioBias.AsIs, 0UL)]
    public void Encode_Bias_MapsToKernelFlag(GpioBias bias, ulong expected)
    {
        var request = new GpioRequest("t", [new GpioLineConfig(1, GpioDirection.Input, bias)]);

        Assert.Equal((ulong)GpioLineFlags.Input | expected, LineRequestEncoder.Encode(request, 8, Chip).Config.Flags);
    }

    [Fact]
    public void Encode_LongConsumer_IsTruncatedToFitTheNul()
    {
        var request = new GpioRequest(new string('c', 40), [new GpioLineConfig(1, GpioDirection.Input)]);

        var encoded = LineRequestEncoder.Encode(request, 8, Chip);

        Assert.Equal(new string('c', 31), GpioName.Read(in encoded.Consumer));
    }

    [Fact]
    public void Encode_EdgesOnOutput_IsRejectedWithTheLine()
    {
        var request = new GpioRequest("t", [new GpioLineConfig(3, GpioDirection.Output, Edges: GpioEdges.Rising)]);

        var e = Assert.Throws<GpioException>(() => LineRequestEncoder.Encode(request, 8, Chip));

        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_DuplicateOffset_IsRejected()
    {
        var request = new GpioRequest("t", [new GpioLineConfig(3, GpioDirection.Input), new GpioLineConfig(3, GpioDirection.Input)]);

        Assert.Throws<GpioException>(() => LineRequestEncoder.Encode(request, 8, Chip));
    }

    [Fact]
    public void Encode_MoreThan64Lines_IsRejected()
    {
        var request = new GpioRequest("t", [.. Enumerable.Range(0, 65).Select(o => new GpioLineConfig(o, GpioDirection.Input))]);

        Assert.Throws<GpioException>(() => LineRequestEncoder.Encode(request, 100, Chip));
    }

    [Fact]
    public void Encode_MoreDistinctConfigsThanAttributes_IsRejected()
    {
        // 12 distinct flag sets: 11 attributes beyond the default, the kernel takes 10.
        var biases = new[] { GpioBias.AsIs, GpioBias.PullUp, GpioBias.PullDown, GpioBias.Disabled };
        var edges = new[] { GpioEdges.None, GpioEdges.Rising, GpioEdges.Falling };
        var lines = biases.SelectMany(b => edges.Select(e => (b, e)))
            .Select((c, i) => new GpioLineConfig(i, GpioDirection.Input, c.b, Edges: c.e)).ToList();

        var e = Assert.Throws<GpioException>(() => LineRequestEncoder.Encode(new GpioRequest("t", lines), 64, Chip));

        Assert.Contains("needs 11 line attributes", e.Message, StringComparison.Ordinal);
    }
}
