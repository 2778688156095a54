using System.Globalization;
using System.Text.Json;
using Terminal.PowerCut.Vm;

namespace Terminal.PowerCut.Wear;

/// <summary>
/// <c>wear</c> (issue 15): bytes written to the guest's block device per press, in one VM run: the
/// raw SQLite floor, the buffer with the counters row in every commit (before) and every
/// CountersInterval appends (after), and whole simulated presses through the terminal (and through
/// a baseline build of it when given). Prints the figures and writes bench-results/wear.json.
/// </summary>
internal sealed class WearSuite(TextWriter output)
{
    private static readonly TimeSpan GuestLimit = TimeSpan.FromMinutes(90);

    public int Run(int presses, int intervalMs, string? terminal, string? terminalctl, string? baselineTerminal)
    {
        var kernel = GuestKernel.Locate();
        var path = Directory.CreateTempSubdirectory("power-cut-wear-").FullName;
        var apps = new Dictionary<string, string>
        {
            ["terminal"] = terminal ?? RepositoryLayout.TerminalBuild,
            ["terminalctl"] = terminalctl ?? RepositoryLayout.TerminalctlBuild,
            ["harness"] = AppContext.BaseDirectory,
        };
        if (baselineTerminal is not null)
        {
            apps["baseline-terminal"] = baselineTerminal;
        }

        var work = GuestWorkDirectory.Create(path, apps, "wear.sh");
        GuestDisk.Create(work.DiskImage, sizeMiB: 512);
        File.WriteAllText(Path.Combine(path, "boot.env"), string.Create(CultureInfo.InvariantCulture, $"PRESSES={presses}\nINTERVAL_MS={intervalMs}\n"));
        output.WriteLine($"wear: {presses} presses per phase in the gpio-sim VM (ext4, noatime; terminal phases remounted as each provisioning leaves it), work directory {path}");
        using (var boot = GuestBoot.Start(kernel, path, work.DiskImage, Path.Combine(path, "console"), GuestLimit))
        {
            var exit = boot.WaitForExit(GuestLimit);
            if (exit != 0)
            {
                output.WriteLine($"wear: the guest exited {exit}; see {path} (steps.log, wear.err, *.log)");
                return 1;
            }
        }

        var phases = File.ReadAllLines(Path.Combine(path, "wear.out")).Where(l => l.StartsWith("WEAR ", StringComparison.Ordinal)).Select(WearPhase.Parse).ToList();
        Report(phases, intervalMs);
        Directory.Delete(path, recursive: true);
        return 0;
    }

    private void Report(List<WearPhase> phases, int intervalMs)
    {
        var raw = phases.Single(p => p.Name == "raw");
        var before = phases.Single(p => p.Name == "buffer-every-commit");
        var after = phases.Single(p => p.Name == "buffer");
        output.WriteLine($"bytes written per press (3 events, one commit), between syncs; buffer phases paced every {intervalMs} ms:");
        foreach (var phase in phases)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {Label(phase.Name),-48} {phase.BytesPerPress / 1024,7:F1} KiB  {phase.WritesPerPress,5:F2} writes  {phase.FlushesPerPress,5:F2} flushes  {phase.JournalCommitsPerPress,5:F2} ext4 commits  {phase.BytesPerPress / raw.BytesPerPress,5:F2}x raw  ({phase.Presses} presses, {phase.Seconds:F0} s{(phase.PageSize is { } p ? $", page {p}" : "")})"));
        }

        var ratio = Math.Round(after.BytesPerPress / before.BytesPerPress, 2);
        output.WriteLine($"  counters row every 256 appends / every commit (same storage otherwise): {ratio}x");
        var terminal = phases.FirstOrDefault(p => p.Name == "terminal");
        var baseline = phases.FirstOrDefault(p => p.Name == "baseline-terminal");
        double? terminalRatio = terminal is not null && baseline is not null ? Math.Round(terminal.BytesPerPress / baseline.BytesPerPress, 2) : null;
        if (terminalRatio is { } r)
        {
            // The before/after of issue 15: whole presses, this build against the baseline build.
            output.WriteLine($"  after/before per simulated press, terminal (lazytime) / baseline terminal: {r}x (goal <= 0.6)");
        }

        var baselineLazy = phases.FirstOrDefault(p => p.Name == "baseline-terminal-lazytime");
        double? codeRatio = terminal is not null && baselineLazy is not null ? Math.Round(terminal.BytesPerPress / baselineLazy.BytesPerPress, 2) : null;
        if (codeRatio is { } c)
        {
            // The code's share alone: both builds with the root file system as provisioned now.
            output.WriteLine($"  same mount (lazytime), terminal / baseline terminal: {c}x");
        }

        var figures = phases.ToDictionary(p => p.Name, p => new { bytesPerPress = Math.Round(p.BytesPerPress), writesPerPress = Math.Round(p.WritesPerPress, 2), flushesPerPress = Math.Round(p.FlushesPerPress, 2), journalCommitsPerPress = Math.Round(p.JournalCommitsPerPress, 2), vsRaw = Math.Round(p.BytesPerPress / raw.BytesPerPress, 2), p.Presses, p.Events, p.Seconds, p.PageSize });
        var dir = Path.Combine(Environment.CurrentDirectory, "bench-results");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "wear.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { intervalMs, phases = figures, bufferAfterVsBefore = ratio, terminalVsBaseline = terminalRatio, terminalVsBaselineSameMount = codeRatio }, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine($"wrote {file}");
    }

    private static string Label(string phase) => phase switch
    {
        "raw" => "raw SQLite INSERT+COMMIT (WAL, FULL, exclusive)",
        "buffer-every-commit" => "buffer, counters row in every commit",
        "buffer" => "buffer, counters row every 256 appends",
        "terminal" => "terminal, simulated press, lazytime (after)",
        "baseline-terminal" => "baseline terminal, simulated press (before)",
        "baseline-terminal-lazytime" => "baseline terminal, simulated press, lazytime",
        _ => phase,
    };
}
