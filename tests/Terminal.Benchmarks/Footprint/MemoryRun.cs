using System.Diagnostics;

namespace Terminal.Benchmarks.Footprint;

/// <summary>
/// One program measured under the same procedure: ready, settle, resident memory idle, CPU over an
/// idle window (busiest threads named), presses on its control socket with the peak sampled,
/// (for the terminal) buffer drained to the broker, settle, resident memory after.
/// </summary>
internal sealed record MemoryRun(double IdleMb, double AfterMb, double PeakMb, double IdleCpuPercent, double PressesPerSecond, Dictionary<string, double> BusiestIdleThreads)
{
    public static async Task<MemoryRun> MeasureAsync(Process process, PressLoad load, int presses, TimeSpan idle, TimeSpan settle, bool drains)
    {
        await Task.Delay(settle);
        var idleMb = ProcessFigures.ResidentMegabytes(process.Id);
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
        return new MemoryRun(Math.Round(idleMb, 1), Math.Round(ProcessFigures.ResidentMegabytes(process.Id), 1), Math.Round(peak, 1),
            Math.Round(idleCpu, 3), Math.Round(rate), busiest);
    }
}
