using Terminal.PowerCut.Vm;

namespace Terminal.PowerCut.Campaign;

/// <summary>
/// The campaign (issue 15): the terminal with its data on the guest's ext4 disk, load from inside
/// the guest, qemu killed at a random moment, the same disk booted again, and so on for N rounds;
/// a last boot only checks. Every boot first checks what the previous cut left (see
/// Guest/power-cut-boot.sh); <see cref="CutCheck"/> judges the records of all boots at the end.
/// </summary>
internal sealed class PowerCutCampaign(CampaignOptions options, TextWriter output)
{
    private const string Script = "power-cut-boot.sh";
    private static readonly TimeSpan GuestLimit = TimeSpan.FromMinutes(30);
    private readonly List<string> _bootFailures = [];

    public CampaignTotals Run()
    {
        var kernel = GuestKernel.Locate();
        var path = options.WorkDirectory ?? Directory.CreateTempSubdirectory("power-cut-").FullName;
        var work = GuestWorkDirectory.Create(path, Apps(), Script);
        GuestDisk.Create(work.DiskImage, sizeMiB: 256);
        var random = new Random(options.Seed);
        output.WriteLine($"power-cut campaign: {options.Rounds} rounds, seed {options.Seed}, work directory {path}");

        for (var round = 0; round < options.Rounds; round++)
        {
            CutBoot(kernel, work, round, random);
        }

        FinalBoot(kernel, work, options.Rounds);
        var boots = Enumerable.Range(0, options.Rounds + 1).Select(b => BootRecord.Read(work.BootDirectory(b), b)).ToList();
        var totals = CutCheck.Run(boots, _bootFailures);
        foreach (var finding in totals.Findings)
        {
            output.WriteLine($"FAIL {finding}");
        }

        output.WriteLine($"power-cut campaign: {totals}");
        if (totals.Clean && options.WorkDirectory is null)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            output.WriteLine($"records kept in {path}");
        }

        return totals;
    }

    private Dictionary<string, string> Apps() => new()
    {
        ["terminal"] = options.TerminalBuild ?? RepositoryLayout.TerminalBuild,
        ["terminalctl"] = options.TerminalctlBuild ?? RepositoryLayout.TerminalctlBuild,
    };

    private void CutBoot(string kernel, GuestWorkDirectory work, int number, Random random)
    {
        work.PrepareBoot(number, new Dictionary<string, string> { ["LOAD"] = "1", ["CTL"] = options.Control });
        var startup = random.NextDouble() < options.StartupCutShare;
        var (anchor, window) = startup ? ("terminal-start", options.StartupWindow) : ("load", options.LoadWindow);
        var delay = TimeSpan.FromMilliseconds(random.NextDouble() * window.TotalMilliseconds);
        using var boot = GuestBoot.Start(kernel, work.Path, work.DiskImage, work.BootDirectory(number), GuestLimit);
        if (!boot.WaitForStep(anchor, options.StepDeadline))
        {
            boot.CutPower();
            boot.WaitForExit(TimeSpan.FromMinutes(1));
            Fail(work, number, $"never reached '{anchor}'");
            return;
        }

        if (boot.EndsWithin(delay))
        {
            Fail(work, number, "the guest ended before the power cut");
            return;
        }

        boot.CutPower();
        boot.WaitForExit(TimeSpan.FromMinutes(1));
        var record = BootRecord.Read(work.BootDirectory(number), number);
        output.WriteLine($"round {number + 1}: power cut {delay.TotalSeconds:F1} s after '{anchor}', during '{record.LastStep}'; {record.Reported.Count} events reported in this boot");
    }

    private void FinalBoot(string kernel, GuestWorkDirectory work, int number)
    {
        work.PrepareBoot(number, new Dictionary<string, string> { ["LOAD"] = "0", ["CTL"] = options.Control });
        using var boot = GuestBoot.Start(kernel, work.Path, work.DiskImage, work.BootDirectory(number), GuestLimit);
        var exit = boot.WaitForExit(GuestLimit);
        if (exit != 0)
        {
            Fail(work, number, $"the final check boot exited {exit}");
        }
    }

    private void Fail(GuestWorkDirectory work, int number, string what)
    {
        var record = BootRecord.Read(work.BootDirectory(number), number);
        var tail = string.Join(" | ", record.TerminalLog.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
        _bootFailures.Add($"boot {number}: {what} (last step '{record.LastStep}'); terminal.log: {tail}");
        output.WriteLine($"boot {number}: {what}");
    }
}
