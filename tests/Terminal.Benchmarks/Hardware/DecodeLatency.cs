using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Keys;
using Terminal.Hardware.Wiegand;

namespace Terminal.Benchmarks.Hardware;

/// <summary>
/// From kernel timestamps to the decoder's output on the simulated chip, in real time: a reader
/// loop reads the request and feeds the decoder/debouncer, as the host's worker does; the
/// output's arrival is stamped on the same monotonic clock as the edges.
/// </summary>
internal static class DecodeLatency
{
    private const int D0 = 5;
    private const int D1 = 6;
    private const int Key = 9;

    public sealed record Result(Percentiles FromLastEdge, Percentiles FromFirstEdge, Percentiles KeyPress, double SilenceMs, double SettleMs);

    public static async Task<Result> RunAsync(int samples)
    {
        using var chip = new SimulatedGpioChip("bench", 16);
        new SimulatedKey(chip, Key).Idle();
        using var request = chip.RequestLines(new GpioRequest("bench", [
            new GpioLineConfig(D0, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
            new GpioLineConfig(D1, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
            new GpioLineConfig(Key, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
        ]));
        var reader = new SimulatedWiegandReader(chip, D0, D1);
        var key = new SimulatedKey(chip, Key);
        var wiegandOptions = new WiegandDecoderOptions();
        var keyOptions = new KeyDebounceOptions();
        var outcomes = System.Threading.Channels.Channel.CreateUnbounded<(long AtNs, object Outcome)>();
        using var decoder = new WiegandDecoder(D0, D1, wiegandOptions, TimeProvider.System, o => outcomes.Writer.TryWrite((SimulatedGpioChip.MonotonicNs(), o)));
        using var debouncer = new KeyDebouncer(new KeyId("bench", Key), keyOptions, TimeProvider.System, e => outcomes.Writer.TryWrite((SimulatedGpioChip.MonotonicNs(), e)));
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var edge = await request.ReadEdgeAsync(stop.Token);
                if (!decoder.OnEdge(edge))
                {
                    debouncer.OnEdge(edge);
                }
            }
        });

        var fromLast = new List<double>();
        var fromFirst = new List<double>();
        var keyPress = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            reader.SendCard(WiegandFormats.H10301, 12, (ulong)i);
            var (at, outcome) = await outcomes.Reader.ReadAsync();
            var read = (WiegandCardRead)outcome;
            fromLast.Add((at - read.LastEdgeNs) / 1e6);
            fromFirst.Add((at - read.FirstEdgeNs) / 1e6);

            var pressedAt = SimulatedGpioChip.MonotonicNs();
            key.Press(pressedAt);
            var (pressAt, _) = await outcomes.Reader.ReadAsync();
            keyPress.Add((pressAt - pressedAt) / 1e6);
            key.Release();
            await outcomes.Reader.ReadAsync();
        }

        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        return new Result(Percentiles.From(fromLast), Percentiles.From(fromFirst), Percentiles.From(keyPress), wiegandOptions.Silence.TotalMilliseconds, keyOptions.Settle.TotalMilliseconds);
    }
}
