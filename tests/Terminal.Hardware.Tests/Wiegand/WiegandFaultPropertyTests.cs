using FsCheck;
using FsCheck.Fluent;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Wiegand;
using Terminal.TestUtils.Time;
using Xunit.Abstractions;

namespace Terminal.Hardware.Tests.Wiegand;

/// <summary>
/// Randomized frames with injected faults, fed as edges to the decoder.
///
/// What counts as a false accept. A decoder only sees the wire. If a fault turns the wire signal
/// into one a real reader could have sent for another card — regular bit timing, one line low at
/// a time, right length, every parity bit right (e.g. two flips inside one parity half, or a
/// 35-bit frame losing its first bit and passing as a 34-bit one) — no decoder can reject it; we
/// call that "indistinguishable", count it, and require it to be rare. A FALSE ACCEPT is a card
/// emitted that differs from the card sent when the wire signal was NOT such a valid
/// transmission, i.e. a card the decoder could have rejected. The reference receiver below
/// states the rules a valid transmission follows (WiegandDecoder's doc); the decoder must agree
/// with it on every case (no false accepts, and no false rejects of clean or glitch-only frames).
///
/// Fault classes for which the format and timing rules guarantee detection — one flipped bit
/// (every position is covered by a parity bit in all four formats), a pulse lost in the middle
/// (the bit clock shows the hole, as long as the hole is shorter than the end-of-frame silence),
/// a kernel overflow (sequence gap) — must never produce a card.
/// </summary>
public sealed class WiegandFaultPropertyTests(ITestOutputHelper output)
{
    private const long Us = 1_000;
    private static readonly WiegandDecoderOptions Options = new();

    private enum Fault
    {
        None,
        FlipOne,
        FlipTwo,
        DropMiddle,
        DropEdgeBit,
        ExtraOnGrid,
        Glitch,
        ShortGlitch,
        Interleave,
        Truncate,
        Overflow,
    }

    [Fact]
    public void RandomFaultyFrames_NeverGiveAFalseAccept()
    {
        var cases = Gen.Sample(CaseGen(), 12_000, 50);
        var tally = new SortedDictionary<string, (int Cases, int Indistinguishable)>(StringComparer.Ordinal);
        var falseAccepts = 0;
        foreach (var c in cases)
        {
            var (expected, decoded) = Run(c);
            var sent = c.Format.TryDecode(c.Format.Encode(c.Facility, c.Number), out var card) ? card! : throw new InvalidOperationException();
            var indistinguishable = expected.Any(e => e != sent) ? 1 : 0;
            var (n, i) = tally.GetValueOrDefault(c.Class);
            tally[c.Class] = (n + 1, i + indistinguishable);

            falseAccepts += decoded.Count(d => d != sent && !expected.Contains(d));
            Assert.True(expected.SequenceEqual(decoded), $"{c}: expected [{string.Join(", ", expected)}], decoded [{string.Join(", ", decoded)}]");
            if (c.Fault is Fault.None or Fault.ShortGlitch)
            {
                Assert.Equal([sent], decoded);
            }
        }

        foreach (var (fault, (n, i)) in tally)
        {
            output.WriteLine($"{fault,-28} cases {n,5}  indistinguishable (a valid other card on the wire) {i,4}");
        }

        Assert.True(cases.Length >= 10_000);
        Assert.Equal(0, falseAccepts);
        foreach (var guaranteed in new[] { nameof(Fault.FlipOne), nameof(Fault.DropMiddle), nameof(Fault.Overflow) })
        {
            Assert.True(tally[guaranteed].Cases > 500);
            Assert.Equal(0, tally[guaranteed].Indistinguishable);
        }
    }

    private static Gen<Case> CaseGen() =>
        from format in Gen.Elements(WiegandFormats.All.ToArray())
        from facility in Gen.Choose(0, (int)Math.Min(format.MaxFacility, int.MaxValue))
        from number in Gen.Choose(0, (int)Math.Min(format.MaxNumber, int.MaxValue))
        from width in Gen.Choose(20, 100)
        from period in Gen.Elements(200, 350, 500, 1_000, 2_000, 5_000, 10_000, 20_000)
        from fault in Gen.Elements(Enum.GetValues<Fault>())
        from a in Gen.Choose(0, 1_000_000)
        from b in Gen.Choose(0, 1_000_000)
        from other in Gen.Elements(WiegandFormats.All.ToArray())
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case(format, (uint)facility, (ulong)number, width * Us, period * Us, fault, a, b, other, seed);

    private static (List<WiegandCard> Expected, List<WiegandCard> Decoded) Run(Case c)
    {
        var frame = c.Format.Encode(c.Facility, c.Number);
        var jitter = new Random(c.Seed);
        long Jitter() => jitter.Next(-3_000, 3_001);
        var start = 10_000_000_000L;
        var pulses = SimulatedWiegandReader.Pulses(frame, new WiegandTiming(TimeSpan.FromTicks(c.Width / 100), TimeSpan.FromTicks(c.Period / 100)), start)
            .Select(p => p with { StartNs = p.StartNs + Jitter() })
            .ToList();
        var n = pulses.Count;
        int Pick(int x, int count) => x % count;
        switch (c.Fault)
        {
            case Fault.FlipOne:
                Flip(pulses, Pick(c.A, n));
                break;
            case Fault.FlipTwo:
                Flip(pulses, Pick(c.A, n));
                Flip(pulses, (Pick(c.A, n) + 1 + Pick(c.B, n - 1)) % n);
                break;
            case Fault.DropMiddle:
                pulses.RemoveAt(1 + Pick(c.A, n - 2));
                break;
            case Fault.DropEdgeBit:
                pulses.RemoveAt(c.A % 2 == 0 ? 0 : n - 1);
                break;
            case Fault.ExtraOnGrid:
                // A pulse exactly on the bit clock, before the first or after the last bit.
                var at = c.A % 2 == 0 ? pulses[0].StartNs - c.Period : pulses[^1].StartNs + c.Period;
                pulses.Add(new WiegandPulse(c.B % 2, at, c.Width));
                break;
            case Fault.Glitch:
                pulses.Add(new WiegandPulse(c.B % 2, start + ((long)c.A * c.Period * n / 1_000_000), 8 * Us + (c.B % 90 * Us)));
                break;
            case Fault.ShortGlitch:
                pulses.Add(new WiegandPulse(c.B % 2, start + ((long)c.A * c.Period * n / 1_000_000), 500 + (c.B % 3_000)));
                break;
            case Fault.Interleave:
                var second = c.Other.Encode((uint)(c.B % (c.Other.MaxFacility + 1)), (ulong)c.A % (c.Other.MaxNumber + 1));
                var offset = (long)c.A * c.Period * n / 1_000_000;
                pulses.AddRange(SimulatedWiegandReader.Pulses(second, new WiegandTiming(TimeSpan.FromTicks(c.Width / 100), TimeSpan.FromTicks(c.Period / 100)), start + offset));
                break;
            case Fault.Truncate:
                pulses.RemoveRange(1 + Pick(c.A, n - 1), n - 1 - Pick(c.A, n - 1));
                break;
            default:
                break;
        }

        var wire = Wire(pulses);
        var train = new EdgeTrain();
        var edges = train.Edges(wire);
        if (c.Fault == Fault.Overflow)
        {
            // The kernel fifo dropped a run of edges: the rest keep their sequence numbers.
            // At least two edges follow the loss; a loss with no later edge is a truncated frame.
            edges.RemoveRange(Pick(c.A, edges.Count - 12), 1 + (c.B % 10));
        }

        var time = new FakeTimeProvider();
        var outcomes = new List<WiegandOutcome>();
        using (var decoder = new WiegandDecoder(train.D0, train.D1, Options, time, outcomes.Add))
        {
            foreach (var edge in edges)
            {
                decoder.OnEdge(edge);
            }

            time.Advance(TimeSpan.FromMilliseconds(30));
        }

        var expected = c.Fault == Fault.Overflow ? [] : Receive(wire);
        return (expected, outcomes.OfType<WiegandCardRead>().Select(r => r.Card).ToList());
    }

    private static void Flip(List<WiegandPulse> pulses, int index) => pulses[index] = pulses[index] with { Line = 1 - pulses[index].Line };

    /// <summary>What the wire shows: each line is low while any pulse on it is (a wired OR).</summary>
    private static List<WiegandPulse> Wire(IEnumerable<WiegandPulse> pulses)
    {
        var merged = new List<WiegandPulse>();
        foreach (var line in pulses.GroupBy(p => p.Line))
        {
            WiegandPulse? open = null;
            foreach (var p in line.OrderBy(p => p.StartNs))
            {
                if (open is { } o && p.StartNs <= o.EndNs)
                {
                    open = o with { WidthNs = Math.Max(o.EndNs, p.EndNs) - o.StartNs };
                    continue;
                }

                if (open is { } done)
                {
                    merged.Add(done);
                }

                open = p;
            }

            merged.Add(open!.Value);
        }

        return [.. merged.OrderBy(p => p.StartNs)];
    }

    /// <summary>
    /// Reference receiver: the cards a valid transmission on this wire carries. Frames are
    /// separated by 25 ms of silence; pulses under 4 µs are glitches; a frame is valid when no two
    /// pulses on different lines overlap, none is longer than 2 ms, its bit clock is regular
    /// (longest interval ≤ 1.5 × shortest + 50 µs), and length and parity match a format.
    /// </summary>
    private static List<WiegandCard> Receive(List<WiegandPulse> wire)
    {
        var cards = new List<WiegandCard>();
        var frames = new List<List<WiegandPulse>>();
        var lastEdge = long.MinValue;
        foreach (var p in wire)
        {
            if (frames.Count == 0 || p.StartNs - lastEdge >= 25_000 * Us)
            {
                frames.Add([]);
            }

            frames[^1].Add(p);
            lastEdge = Math.Max(lastEdge, p.EndNs);
        }

        foreach (var all in frames)
        {
            var bits = all.Where(p => p.WidthNs >= 4 * Us).ToList();
            var overlap = bits.Any(p => bits.Any(q => q.Line != p.Line && q.StartNs < p.EndNs && p.StartNs < q.EndNs));
            var intervals = bits.Zip(bits.Skip(1), (p, q) => q.StartNs - p.StartNs).ToList();
            var regular = intervals.Count < 2 || intervals.Max() <= (intervals.Min() * 1.5) + (50 * Us);
            if (bits.Count == 0 || bits.Count > 64 || overlap || !regular || bits.Any(p => p.WidthNs > 2_000 * Us))
            {
                continue;
            }

            var frame = bits.Aggregate(default(WiegandFrame), (f, p) => f.Append(p.Line == 1));
            foreach (var format in WiegandFormats.All)
            {
                if (format.TryDecode(frame, out var card))
                {
                    cards.Add(card!);
                    break;
                }
            }
        }

        return cards;
    }

    private sealed record Case(WiegandFormat Format, uint Facility, ulong Number, long Width, long Period, Fault Fault, int A, int B, WiegandFormat Other, int Seed)
    {
        /// <summary>
        /// The fault, except that a pulse lost from a slow reader leaves a hole of two periods,
        /// which at ≥ 12.5 ms per bit is as long as the end-of-frame silence: the frame really
        /// ends there and its two halves are judged as frames of their own.
        /// </summary>
        public string Class => Fault == Fault.DropMiddle && 2 * Period >= 25_000 * Us ? "DropMiddle (hole >= silence)" : Fault.ToString();

        public override string ToString() => $"{Fault} on {Format.Name} {Facility}/{Number}, pulse {Width} ns every {Period} ns, a={A} b={B} other={Other.Name} seed={Seed}";
    }
}
