using System.Diagnostics;

namespace Terminal.Benchmarks.Footprint;

/// <summary>
/// One program measured under the same procedure: ready, settle, resident memory idle, CPU over an
/// idle window (busiest threads named), presses on its control socket with the peak sampled,
/// (for the terminal) buffer drained to the broker, settle, resident memory after.
/// </summary>
/// <remarks>
/// Idle CPU is measured twice: right after the settle (<see cref="IdleCpuAfterStartPercent"/>, which
/// includes the runtime's tiered compilation recompiling what ran 30 times; a 7.5 s heartbeat gets
/// there after about four minutes) and once the program has run <c>warmUp</c> (<see cref="IdleCpuPercent"/>,
/// the steady state a terminal spends its days in).
/// </remarks>
internal sealed record MemoryRun(double IdleMb, double AfterMb, double PeakMb, Dictionary<string, double> IdleParts, Dictionary<string, double> AfterParts, double IdleCpuAfterStartPercent, double IdleCpuPercent, double PressesPerSecond, Dictionary<string, double> BusiestIdleThreads)
{
    public static async Task<MemoryRun> MeasureAsync(Process process, PressLoad load, int presses, TimeSpan idle, TimeSpan settle, TimeSpan warmUp, bool drains)
    {
        var started = Stopwatch.StartNew();
        await Task.Delay(settle);
        var idleMb = ProcessFigures.ResidentMegabytes(process.Id);
        var idleParts = ProcessFigures.ResidentParts(process.Id);
        var afterStart = await IdleCpuAsync(process, idle);
        if (warmUp > started.Elapsed)
        {
            await Task.Delay(warmUp - started.Elapsed);
        }

        var cpuBefore = ProcessFigures.CpuSeconds(process.Id);
        var threadsBefore = ProcessFigures.ThreadCpuSeconds(process.Id);
        var window = Stopwatch.StartNew();
        await Task.Delay(idle);
        var idleCpu = (ProcessFigures.CpuSeconds(process.Id) - cpuBefore) / window.Elapsed.TotalSeconds * 100;
        var busiest = ProcessFigures.ThreadCpuSeconds(process.Id)
            .Select(t => (t.Key, Seconds: t.Value - threadsBefore.GetValueOrDefault(t.Key)))
            .Where(t => t.Seconds > 0)
            .OrderByDescending(t => t.Seconds)
            .Take(5)
            .ToDictionary(t => t.Key, t => Math.Round(t.Seconds, 2));

        var peak = idleMb;
        var loadTime = Stopwatch.StartNew();
        await load.PressAsync(presses, i =>
        {
            if (i % 50 == 0)
            {
                peak = Math.Max(peak, ProcessFigures.ResidentMegabytes(process.Id));
            }
        });
        var rate = presses / loadTime.Elapsed.TotalSeconds;
        while (drains && await load.PendingAsync() > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        peak = Math.Max(peak, ProcessFigures.ResidentMegabytes(process.Id));
        await Task.Delay(settle);
        return new MemoryRun(Math.Round(idleMb, 1), Math.Round(ProcessFigures.ResidentMegabytes(process.Id), 1), Math.Round(peak, 1), idleParts, ProcessFigures.ResidentParts(process.Id),
            Math.Round(afterStart, 3), Math.Round(idleCpu, 3), Math.Round(rate), busiest);
    }

    private static async Task<double> IdleCpuAsync(Process process, TimeSpan idle)
    {
        var before = ProcessFigures.CpuSeconds(process.Id);
        var window = Stopwatch.StartNew();
        await Task.Delay(idle);
        return (ProcessFigures.CpuSeconds(process.Id) - before) / window.Elapsed.TotalSeconds * 100;
    }
}
