using System.Globalization;
using Terminal.Benchmarks.Footprint;
using Terminal.Benchmarks.Hardware;
using Terminal.TestUtils.Processes;

namespace Terminal.Benchmarks.Panel;

/// <summary>
/// Suite <c>panel</c> (issue 12): a tap on 非常满意 until the thanks screen is on the page, against the
/// same press through <c>terminalctl sim press 5</c> until it is committed (the control socket's
/// answer), in one run against one real host process and Debian's Chromium; and what the page weighs.
/// </summary>
/// <remarks><c>panel [rounds=20] [warmup=3]</c>; needs chromium (apt-get install chromium fonts-noto-cjk).</remarks>
internal sealed class PanelSuite : IBenchmarkSuite
{
    public string Name => "panel";

    public async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;

        // No broker: what is measured ends at the commit and the page; the terminal buffers meanwhile.
        using var terminal = await TerminalUnderTest.StartAsync(new Uri("mqtt://127.0.0.1:1"), "--Terminal:Rating:Cooldown=00:00:01");
        var url = await terminal.PanelAsync();
        var idleRss = ProcessFigures.ResidentMegabytes(terminal.Process.Id);
        var weight = await PageWeight.MeasureAsync(url);
        var result = await PanelLatency.RunAsync(url, terminal.Socket, rounds, warmup);
        var afterRss = ProcessFigures.ResidentMegabytes(terminal.Process.Id);

        Console.WriteLine($"front panel, {rounds} rounds after {warmup} warm-up rounds (ms):");
        Print("tap -> thanks visible (browser)", result.TapToThanks);
        Print("tap -> /panel/tap answered", result.TapToCommitted);
        Print("sim press 5 -> committed (baseline)", result.PressToCommitted);
        Print("sim press 5 -> thanks visible", result.PressToThanks);
        var ratio = result.TapToThanks.P50 / result.PressToCommitted.P50;
        Console.WriteLine($"  median ratio tap->thanks / sim press->committed {ratio:F2}");
        Console.WriteLine($"page: {weight.AssetBytes} bytes of HTML/CSS/JS in {weight.Requests} requests, first view {weight.FirstViewBytes} bytes, {weight.TotalBytes} bytes in all");
        Console.WriteLine($"host resident memory: {idleRss:F1} MB with the page open, {afterRss:F1} MB after the rounds");

        BenchResults.Write(Name, new
        {
            suite = Name,
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.VersionString, runtime = Environment.Version.ToString() },
            rounds,
            warmup,
            latencyMs = new
            {
                tapToThanksVisible = result.TapToThanks,
                tapToCommitted = result.TapToCommitted,
                simPressToCommitted = result.PressToCommitted,
                simPressToThanksVisible = result.PressToThanks,
            },
            medianRatioTapToThanksOverSimPressToCommitted = Math.Round(ratio, 3),
            page = weight,
            hostResidentMb = new { withPageOpen = Math.Round(idleRss, 1), afterRounds = Math.Round(afterRss, 1) },
            notes = "Tap times are the page's own clock (performance.now), from the click to the frame after the screen turned "
                + "(requestAnimationFrame, then a task). sim press is POST /sim/press on the control socket, as terminalctl sends it "
                + "without starting a process; its answer waits for the key's release (held 80 ms), so the press's commit is earlier. "
                + "sim press -> thanks visible crosses the two processes' wall clocks (same machine).",
        });
        return 0;
    }

    private static void Print(string what, Percentiles p) =>
        Console.WriteLine($"  {what,-38} p50 {p.P50,7:F1}  p99 {p.P99,7:F1}  max {p.Max,7:F1}");
}
