using Terminal.Core.Events;
using Terminal.Core.Time;
using Terminal.Host.Journal;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;
using Terminal.Storage;

namespace Terminal.Host.Workers;

/// <summary>
/// Runs the decision loop: first what start-up found (the journal, buffer incidents, the clock, the
/// buffer's fill), then one input after another; on a requested stop, the shutdown input.
/// </summary>
internal sealed class DecisionWorker(
    TerminalLoop loop,
    HeldRatingJournal heldRating,
    RosterCache roster,
    EventBuffer buffer,
    IDeviceClock clock,
    WorkerSupport support) : SupervisedWorker("decisions", support)
{
    protected override Task StartingAsync(CancellationToken stoppingToken)
    {
        loop.MaxIdle = BeatInterval;
        loop.Post(new JournalRestored(roster.Load(), heldRating.Load()));
        foreach (var incident in buffer.Incidents)
        {
            loop.Post(new HostFault(incident.Code, incident.Detail, "storage"));
        }

        if (!clock.Read().Synced)
        {
            // SPEC §3.3: the server corrects such timestamps with boot id and uptime.
            loop.Post(new HostFault(FaultCodes.ClockUnsynced, "the system clock is not NTP-synchronised; event times may be wrong until it is", "clock"));
        }

        buffer.StatsChanged += OnBufferStats;
        loop.Post(new StorageChanged(buffer.GetStats()));
        return Task.CompletedTask;
    }

    protected override Task IterateAsync(CancellationToken stoppingToken) => loop.ProcessNextAsync(stoppingToken);

    protected override async Task StoppedAsync()
    {
        buffer.StatsChanged -= OnBufferStats;
        await loop.ShutdownAsync().ConfigureAwait(false);
    }

    private void OnBufferStats(object? sender, BufferStats stats) => loop.Post(new StorageChanged(stats));
}
