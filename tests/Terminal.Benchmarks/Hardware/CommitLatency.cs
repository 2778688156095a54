using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Wiegand;
using Terminal.Host.Board;
using Terminal.Host.Device;
using Terminal.Host.Journal;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;
using Terminal.Storage;

namespace Terminal.Benchmarks.Hardware;

/// <summary>
/// From an edge's timestamp to the resulting event committed (fsynced) in a real buffer, through
/// the host's own pipeline on the simulated board: board lines → edge router (debouncer, decoder) →
/// decision loop → EventBuffer. Keys include the 20 ms settle, badges the 25 ms end-of-frame silence.
/// </summary>
internal static class CommitLatency
{
    public sealed record Result(Percentiles KeyEdgeToCommit, Percentiles LastBadgeEdgeToCommit);

    public static async Task<Result> RunAsync(int samples)
    {
        var dir = Directory.CreateTempSubdirectory("bench-commit-").FullName;
        var time = TimeProvider.System;
        var board = BoardFile.Load(Path.Combine(AppContext.BaseDirectory, "board-config", "simulator.json"));
        using var chip = new SimulatedGpioChip(board.Chip, 32);
        using var lines = new BoardLines(board, new OneChip(chip), NullLogger<BoardLines>.Instance);
        await using var buffer = await EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = dir }, time, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var events = new EventFactory(new TerminalIdentity("BENCH", "DEV", "1"), new LinuxDeviceClock(time));
        var settings = WindowSettings.Default.With(TerminalSettings.Rating.Cooldown, TimeSpan.Zero);
        var window = new ServiceWindow(settings, WindowFactory.Layout(board), events, time);
        using var display = new BoardFeedback(lines, time);
        var loop = new TerminalLoop(
            window,
            buffer,
            display,
            new HeldRatingJournal(dir, NullLogger<HeldRatingJournal>.Instance),
            new RosterCache(dir, NullLogger<RosterCache>.Instance),
            new SettingsLayerFile(dir),
            NullLogger<TerminalLoop>.Instance);
        using var router = new EdgeRouter(board, lines, loop, time, NullLogger<EdgeRouter>.Instance);
        using var stop = new CancellationTokenSource();
        var committed = System.Threading.Channels.Channel.CreateUnbounded<(TerminalInput Input, long AtNs)>();
        loop.Snapshots.Published += s =>
        {
            if (s.Committed.Count > 0)
            {
                committed.Writer.TryWrite((s.Input, SimulatedGpioChip.MonotonicNs()));
            }
        };
        var running = Task.WhenAll(Task.Run(() => RunLoopAsync(loop, stop.Token)), Task.Run(() => ReadEdgesAsync(lines, router, stop.Token)));

        var k5 = board.Keys.Single(k => k.Name == "k5");
        var key = new SimulatedKey(chip, k5.Line, k5.ActiveLow);
        var reader = new SimulatedWiegandReader(chip, board.Wiegand!.D0, board.Wiegand.D1);
        var keyLatency = new List<double>();
        var badgeLatency = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var pressedAt = SimulatedGpioChip.MonotonicNs();
            key.Press(pressedAt);
            keyLatency.Add(Ms(await NextAsync(committed.Reader, i => i is KeyEdge { Key.Key: "k5", Key.Action: Terminal.Core.Keys.KeyAction.Pressed }) - pressedAt));
            key.Release();

            var lastEdge = reader.Send(WiegandFormats.H10301.Encode(12, (ulong)(1000 + i)));
            badgeLatency.Add(Ms(await NextAsync(committed.Reader, i => i is CardSwipe) - lastEdge));
        }

        await stop.CancelAsync();
        await running;
        Directory.Delete(dir, recursive: true);
        return new Result(Percentiles.From(keyLatency), Percentiles.From(badgeLatency));
    }

    private static async Task RunLoopAsync(TerminalLoop loop, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await loop.ProcessNextAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }

    private static async Task ReadEdgesAsync(BoardLines lines, EdgeRouter router, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await lines.ReadEdgeAsync(TimeSpan.FromSeconds(5), stop) is { } edge)
                {
                    router.OnEdge(edge);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }

    private static async Task<long> NextAsync(System.Threading.Channels.ChannelReader<(TerminalInput Input, long AtNs)> reader, Func<TerminalInput, bool> wanted)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var (seen, at) = await reader.ReadAsync(deadline.Token);
            if (wanted(seen))
            {
                return at;
            }
        }
    }

    private static double Ms(long ns) => ns / 1_000_000.0;

    private sealed class OneChip(SimulatedGpioChip chip) : IGpioChipProvider
    {
        public IGpioChip Open(string label) => chip;
    }
}
