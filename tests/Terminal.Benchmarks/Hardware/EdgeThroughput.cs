using System.Diagnostics;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Wiegand;

namespace Terminal.Benchmarks.Hardware;

/// <summary>
/// Edges per second: the decoder fed pre-built edges; the simulated chip's request read without
/// decoding (baseline); and read plus decode. Frames are 37-bit H10304 cards whose timestamps are
/// 30 ms apart, so frames end by their timestamps, as when the host reads a backlog.
/// </summary>
internal static class EdgeThroughput
{
    private const int D0 = 5;
    private const int D1 = 6;

    public sealed record Result(int Frames, long Edges, double DecoderEdgesPerSecond, double ReadEdgesPerSecond, double ReadAndDecodeEdgesPerSecond, long CardsDecoded, long CardsDecodedThroughChip);

    public static async Task<Result> RunAsync(int frames)
    {
        var pulses = Pulses(frames).ToList();
        var edges = Edges(pulses);

        // Warm up the JIT, then measure.
        DecodeAll(edges.Take(10_000).ToList());
        var started = Stopwatch.GetTimestamp();
        var cards = DecodeAll(edges);
        var decoder = edges.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;

        await ThroughChipAsync(pulses.Take(200).ToList(), decode: true);
        var read = await ThroughChipAsync(pulses, decode: false);
        var readAndDecode = await ThroughChipAsync(pulses, decode: true);

        // The last frame ends only by its timer, which may not run before the decoder is disposed;
        // a thread stalled longer than the silence mid-frame splits a frame (see the report).
        return new Result(frames, edges.Count, decoder, read.EdgesPerSecond, readAndDecode.EdgesPerSecond, cards, readAndDecode.Cards);
    }

    private static IEnumerable<List<WiegandPulse>> Pulses(int frames)
    {
        for (var i = 0; i < frames; i++)
        {
            var frame = WiegandFormats.H10304.Encode((uint)(i % 65_536), (ulong)(i * 7 % 524_288));
            yield return SimulatedWiegandReader.Pulses(frame, WiegandTiming.Default, 1_000_000_000L + (i * 100_000_000L)).ToList();
        }
    }

    private static List<EdgeEvent> Edges(List<List<WiegandPulse>> frames)
    {
        var edges = new List<EdgeEvent>(frames.Count * 74);
        uint seqno = 0;
        var lineSeqno = new uint[2];
        foreach (var pulse in frames.SelectMany(f => f))
        {
            edges.Add(new EdgeEvent(pulse.Line == 0 ? D0 : D1, EdgeKind.Rising, pulse.StartNs, ++seqno, ++lineSeqno[pulse.Line]));
            edges.Add(new EdgeEvent(pulse.Line == 0 ? D0 : D1, EdgeKind.Falling, pulse.EndNs, ++seqno, ++lineSeqno[pulse.Line]));
        }

        return edges;
    }

    private static long DecodeAll(List<EdgeEvent> edges)
    {
        long cards = 0;
        using var decoder = new WiegandDecoder(D0, D1, new WiegandDecoderOptions(), TimeProvider.System, o => cards += o is WiegandCardRead ? 1 : 0);
        foreach (var edge in edges)
        {
            decoder.OnEdge(edge);
        }

        return cards;
    }

    private static async Task<(double EdgesPerSecond, long Cards)> ThroughChipAsync(List<List<WiegandPulse>> frames, bool decode)
    {
        using var chip = new SimulatedGpioChip("bench", 16);
        using var request = chip.RequestLines(new GpioRequest("bench", [
            new GpioLineConfig(D0, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
            new GpioLineConfig(D1, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
        ]));
        var reader = new SimulatedWiegandReader(chip, D0, D1);
        long cards = 0;
        using var decoder = new WiegandDecoder(D0, D1, new WiegandDecoderOptions(), TimeProvider.System, o => cards += o is WiegandCardRead ? 1 : 0);
        long edges = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var frame in frames)
        {
            // One frame at a time fits the 256-edge kernel buffer, as on the device.
            reader.Send(frame);
            for (var i = 0; i < frame.Count * 2; i++)
            {
                var edge = await request.ReadEdgeAsync(CancellationToken.None);
                edges++;
                if (decode)
                {
                    decoder.OnEdge(edge);
                }
            }
        }

        return (edges / Stopwatch.GetElapsedTime(started).TotalSeconds, cards);
    }
}
