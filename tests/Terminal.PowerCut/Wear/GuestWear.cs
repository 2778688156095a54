using System.Diagnostics;
using System.Globalization;

namespace Terminal.PowerCut.Wear;

/// <summary>
/// The buffer-level phases of <c>wear</c>, run inside the guest (Guest/wear.sh):
/// <c>guest-wear raw|buffer|buffer-every-commit DIR PRESSES INTERVAL_MS</c> warms up past one WAL
/// cycle, then measures PRESSES paced presses between two syncs and prints one WEAR line;
/// <c>guest-wear prefill DIR N 0</c> commits N presses and dies without closing, as a power cut would.
/// </summary>
internal static class GuestWear
{
    // Past the WAL's auto-checkpoint (1000 frames), so every phase overwrites a recycled WAL as a
    // terminal that has run for a while does, instead of growing a new one.
    private const int WarmUp = 1200;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var phase, var directory, var count, var interval])
        {
            Console.Error.WriteLine("usage: guest-wear raw|buffer|buffer-every-commit|prefill DIR PRESSES INTERVAL_MS");
            return 2;
        }

        var presses = int.Parse(count, CultureInfo.InvariantCulture);
        IPressStore store = phase switch
        {
            "raw" => new RawPressStore(directory),
            "buffer" => await BufferPressStore.OpenAsync(directory, Storage.EventBufferOptions.DefaultCountersInterval),
            "buffer-every-commit" or "prefill" => await BufferPressStore.OpenAsync(directory, countersInterval: 1),
            _ => throw new ArgumentException($"unknown phase {phase}"),
        };

        if (phase == "prefill")
        {
            for (var i = 0; i < presses; i++)
            {
                await store.PressAsync();
            }

            Console.WriteLine($"prefilled {presses}");
            using var self = Process.GetCurrentProcess();
            self.Kill(); // no clean close: the WAL stays as long as a running terminal keeps it
            return 0;
        }

        for (var i = 0; i < WarmUp; i++)
        {
            await store.PressAsync();
        }

        var before = BlockDeviceCounters.ReadAfterSync();
        var started = Stopwatch.GetTimestamp();
        using (var pacing = new PeriodicTimer(TimeSpan.FromMilliseconds(int.Parse(interval, CultureInfo.InvariantCulture))))
        {
            for (var i = 0; i < presses; i++)
            {
                await pacing.WaitForNextTickAsync();
                await store.PressAsync();
            }
        }

        var after = BlockDeviceCounters.ReadAfterSync();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"WEAR {phase} presses={presses} events={presses * PressEvents.Press.Length} seconds={seconds:F1} pageSize={store.PageSize} before={before.ToCsv()} after={after.ToCsv()}"));
        await store.DisposeAsync();
        return 0;
    }
}
