using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Wiegand;
using Terminal.Host;
using Terminal.Host.Device;
using Terminal.Host.Panel;
using Terminal.Host.Pipeline;
using Terminal.Storage;

namespace Terminal.Benchmarks.Hardware;

/// <summary>
/// From an edge's timestamp to the resulting event committed (fsynced) in a real buffer, through
/// the host's own pipeline on the simulated board: panel → edge router (debouncer, decoder) →
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
        using var panel = new BoardPanel(board, new OneChip(chip), NullLogger<BoardPanel>.Instance);
        await using var buffer = await EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = dir }, time, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var events = new EventFactory(new TerminalIdentity("BENCH", "DEV", "1"), new LinuxDeviceClock(time));
        var settings = new WindowSettings(new RatingSettings { Cooldown = TimeSpan.Zero }, new AttendanceSettings());
        var window = new ServiceWindow(settings, WindowFactory.Layout(board), events, time);
        using var display = new PanelFeedback(panel, time);
        var loop = new TerminalLoop(window, buffer, display, new WindowJournal(dir, NullLogger<WindowJournal>.Instance), NullLogger<TerminalLoop>.Instance);
        using var router = new EdgeRouter(board, panel, loop, events, time, NullLogger<EdgeRouter>.Instance);
        using var stop = new CancellationTokenSource();
        var committed = System.Threading.Channels.Channel.CreateUnbounded<(string Origin, long AtNs)>();
        loop.Processed += p =>
        {
            if (p.Committed.Count > 0)
            {
                committed.Writer.TryWrite((p.Origin, SimulatedGpioChip.MonotonicNs()));
            }
        };
        var running = Task.WhenAll(
            Task.Run(() => loop.RunAsync(stop.Token)),
            Task.Run(() => panel.ReadEdgesAsync(router, () => { }, TimeSpan.FromSeconds(5), stop.Token)));

        var k5 = board.Keys.Single(k => k.Name == "k5");
        var key = new SimulatedKey(chip, k5.Line, k5.ActiveLow);
        var reader = new SimulatedWiegandReader(chip, board.Wiegand!.D0, board.Wiegand.D1);
        var keyLatency = new List<double>();
        var badgeLatency = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var pressedAt = SimulatedGpioChip.MonotonicNs();
            key.Press(pressedAt);
            keyLatency.Add(Ms(await NextAsync(committed.Reader, "key:k5:pressed") - pressedAt));
            key.Release();

            var lastEdge = reader.Send(WiegandFormats.H10301.Encode(12, (ulong)(1000 + i)));
            badgeLatency.Add(Ms(await NextAsync(committed.Reader, "reader:card") - lastEdge));
        }

        await stop.CancelAsync();
        await running;
        Directory.Delete(dir, recursive: true);
        return new Result(Percentiles.From(keyLatency), Percentiles.From(badgeLatency));
    }

    private static async Task<long> NextAsync(System.Threading.Channels.ChannelReader<(string Origin, long AtNs)> reader, string origin)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var (seen, at) = await reader.ReadAsync(deadline.Token);
            if (seen == origin)
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
