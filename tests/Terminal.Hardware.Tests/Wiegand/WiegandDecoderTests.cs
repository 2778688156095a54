using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Wiegand;
using Terminal.TestUtils.Time;

namespace Terminal.Hardware.Tests.Wiegand;

public sealed class WiegandDecoderTests : IDisposable
{
    private static readonly WiegandFrame Card26 = WiegandFormats.H10301.Encode(12, 34567);
    private readonly FakeTimeProvider _time = new();
    private readonly List<WiegandOutcome> _outcomes = [];
    private readonly EdgeTrain _train = new();
    private readonly WiegandDecoder _decoder;

    public WiegandDecoderTests()
    {
        _decoder = new WiegandDecoder(_train.D0, _train.D1, new WiegandDecoderOptions(), _time, _outcomes.Add);
    }

    public void Dispose() => _decoder.Dispose();

    [Fact]
    public void Frame_EndsAfterSilence_AndDecodesToCard()
    {
        Feed(EdgeTrain.Pulses(Card26));
        _time.Advance(TimeSpan.FromMilliseconds(24));
        Assert.Empty(_outcomes);

        _time.Advance(TimeSpan.FromMilliseconds(2));

        var read = Assert.IsType<WiegandCardRead>(Assert.Single(_outcomes));
        Assert.Equal(new WiegandCard("H10301", 12, 34567), read.Card);
        Assert.Equal(1_000_000_000, read.FirstEdgeNs);
    }

    [Theory]
    [InlineData(20_000, 200_000)]
    [InlineData(20_000, 20_000_000)]
    [InlineData(100_000, 200_000)]
    [InlineData(100_000, 20_000_000)]
    public void TimingExtremes_DecodeEveryFormat(long widthNs, long periodNs)
    {
        foreach (var format in WiegandFormats.All)
        {
            _outcomes.Clear();
            var frame = format.Encode(format.MaxFacility / 5, format.MaxNumber / 3);

            Feed(EdgeTrain.Pulses(frame, startNs: 5_000_000_000, widthNs, periodNs));
            _time.Advance(TimeSpan.FromMilliseconds(30));

            var read = Assert.IsType<WiegandCardRead>(Assert.Single(_outcomes));
            Assert.Equal(new WiegandCard(format.Name, format.MaxFacility / 5, format.MaxNumber / 3), read.Card);
        }
    }

    [Fact]
    public void TwoFramesReadLate_AreSeparatedByTheirTimestamps()
    {
        // Both frames were in the kernel buffer before the host read them: no timer ran between
        // them, but their timestamps are 100 ms apart.
        var second = WiegandFormats.Bit34.Encode(7, 8);
        Feed(EdgeTrain.Pulses(Card26, startNs: 1_000_000_000).Concat(EdgeTrain.Pulses(second, startNs: 1_100_000_000)));
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(
            [new WiegandCard("H10301", 12, 34567), new WiegandCard("34bit", 7, 8)],
            _outcomes.Cast<WiegandCardRead>().Select(r => r.Card));
    }

    [Fact]
    public void BothLinesLowAtOnce_IsNoise()
    {
        var pulses = EdgeTrain.Pulses(Card26).ToList();
        pulses[10] = pulses[10] with { Line = 1 - pulses[10].Line };
        pulses.Insert(11, new WiegandPulse(1 - pulses[10].Line, pulses[10].StartNs + 10_000, 50_000));

        Feed(pulses);
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(new WiegandNoise(1, "both lines low"), Assert.Single(_outcomes));
    }

    [Fact]
    public void ShortGlitch_IsIgnored()
    {
        var pulses = EdgeTrain.Pulses(Card26).ToList();
        pulses.Add(new WiegandPulse(1, pulses[3].StartNs + 700_000, 2_000));

        Feed(pulses);
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(new WiegandCard("H10301", 12, 34567), Assert.IsType<WiegandCardRead>(Assert.Single(_outcomes)).Card);
    }

    [Fact]
    public void MissingBit_InTheMiddle_IsNoiseByTiming()
    {
        var pulses = EdgeTrain.Pulses(WiegandFormats.C1k35s.Encode(100, 200)).ToList();
        pulses.RemoveAt(20);

        Feed(pulses);
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(new WiegandNoise(1, "irregular bit timing"), Assert.Single(_outcomes));
    }

    [Fact]
    public void WrongBitCount_IsNoise()
    {
        Feed(EdgeTrain.Pulses(WiegandFrame.Parse("101101101101101101101101101")));
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(new WiegandNoise(1, "27 bits"), Assert.Single(_outcomes));
    }

    [Fact]
    public void Noise_IsAggregated_WithACount()
    {
        var noise = WiegandFrame.Parse("10110");
        for (var i = 0; i < 5; i++)
        {
            Feed(EdgeTrain.Pulses(noise, startNs: (i + 1) * 1_000_000_000L));
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal([new WiegandNoise(1, "5 bits")], _outcomes);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([new WiegandNoise(1, "5 bits"), new WiegandNoise(4, "5 bits")], _outcomes);
    }

    [Fact]
    public void SequenceGap_DiscardsTheFrame_AndReportsOverflow()
    {
        var edges = _train.Edges(EdgeTrain.Pulses(Card26));
        edges.RemoveRange(20, 6);

        foreach (var edge in edges)
        {
            _decoder.OnEdge(edge);
        }

        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(new WiegandOverflow(1, 6), Assert.Single(_outcomes));
    }

    [Fact]
    public void AfterOverflow_NextFrameDecodes()
    {
        var edges = _train.Edges(EdgeTrain.Pulses(Card26));
        edges.RemoveAt(7);
        foreach (var edge in edges)
        {
            _decoder.OnEdge(edge);
        }

        _time.Advance(TimeSpan.FromMilliseconds(30));
        Feed(EdgeTrain.Pulses(Card26, startNs: 3_000_000_000));
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.IsType<WiegandOverflow>(_outcomes[0]);
        Assert.IsType<WiegandCardRead>(Assert.Single(_outcomes, o => o is WiegandCardRead));
    }

    [Fact]
    public void KeypadBurst_IsAKey()
    {
        Feed(EdgeTrain.Pulses(WiegandKeypad.Encode('7', 8)));
        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal('7', Assert.IsType<WiegandKeypadKey>(Assert.Single(_outcomes)).Key);
    }

    [Fact]
    public void LineHeldLow_IsNoise()
    {
        var pulses = EdgeTrain.Pulses(Card26).ToList();
        var edges = _train.Edges(pulses);
        edges.RemoveAt(edges.Count - 1);
        foreach (var edge in edges)
        {
            _decoder.OnEdge(edge);
        }

        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(new WiegandNoise(1, "line held low"), Assert.Single(_outcomes));
    }

    [Fact]
    public void EdgesOfOtherLines_AreNotTaken()
    {
        Assert.False(_decoder.OnEdge(new EdgeEvent(17, EdgeKind.Rising, 1, 1, 1)));
    }

    [Fact]
    public void FormatNotAccepted_IsNoise()
    {
        using var decoder = new WiegandDecoder(_train.D0, _train.D1, new WiegandDecoderOptions { Formats = [WiegandFormats.H10301] }, _time, _outcomes.Add);

        foreach (var edge in _train.Edges(EdgeTrain.Pulses(WiegandFormats.Bit34.Encode(1, 2))))
        {
            decoder.OnEdge(edge);
        }

        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(new WiegandNoise(1, "34 bits"), Assert.Single(_outcomes));
    }

    [Fact]
    public async Task SimulatedReader_DrivesTheChip_AndTheDecoderReadsTheCard()
    {
        using var chip = new SimulatedGpioChip("sim", 32);
        using var request = chip.RequestLines(new GpioRequest("test", [
            new GpioLineConfig(_train.D0, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
            new GpioLineConfig(_train.D1, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
        ]));
        var reader = new SimulatedWiegandReader(chip, _train.D0, _train.D1);

        reader.SendCard(WiegandFormats.H10304, 2652, 77);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 37 * 2; i++)
        {
            _decoder.OnEdge(await request.ReadEdgeAsync(timeout.Token));
        }

        _time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(new WiegandCard("H10304", 2652, 77), Assert.IsType<WiegandCardRead>(Assert.Single(_outcomes)).Card);
    }

    private void Feed(IEnumerable<WiegandPulse> pulses)
    {
        foreach (var edge in _train.Edges(pulses))
        {
            _decoder.OnEdge(edge);
        }
    }
}
