using Microsoft.Extensions.Hosting;
using Terminal.Core.Events;
using Terminal.Core.Time;
using Terminal.Core.Window;
using Terminal.Host.Panel;
using Terminal.Host.Pipeline;
using Terminal.Host.Systemd;
using Terminal.Storage;

namespace Terminal.Host.Workers;

/// <summary>
/// Runs the input side: what start-up found (journal, buffer incidents, clock), board edges into
/// the router, the decision loop, and the buffer's full/near-full transitions. If it gives up for
/// good the host stops with a non-zero exit code, so systemd restarts it.
/// </summary>
internal sealed class TerminalWorker(
    BoardPanel panel,
    EdgeRouter router,
    TerminalLoop loop,
    WindowJournal journal,
    EventBuffer buffer,
    EventFactory events,
    IDeviceClock clock,
    WorkerHeartbeats heartbeats,
    FatalStop fatal) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        PostStartupEvents();
        buffer.StatsChanged += OnBufferStats;
        using var decisions = heartbeats.Register("decisions");
        using var edges = heartbeats.Register("gpio-edges");
        loop.MaxIdle = heartbeats.BeatInterval;
        void OnProcessed(InputProcessed _) => decisions.Beat();
        loop.Processed += OnProcessed;
        try
        {
            await Task.WhenAll(
                Task.Run(() => loop.RunAsync(stoppingToken), CancellationToken.None),
                Task.Run(() => panel.ReadEdgesAsync(router, edges.Beat, heartbeats.BeatInterval, stoppingToken), CancellationToken.None)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The input side is gone (e.g. the GPIO chip vanished): stop non-zero so systemd restarts us.
            fatal.Stop("input", e);
        }
        finally
        {
            loop.Processed -= OnProcessed;
            buffer.StatsChanged -= OnBufferStats;
        }
    }

    private void PostStartupEvents()
    {
        loop.Post("startup:journal", journal.Restore);
        foreach (var incident in buffer.Incidents)
        {
            loop.Post($"startup:{incident.Code}", w => events.Fault(w, incident.Code, incident.Detail, "storage"));
        }

        if (!clock.Read().Synced)
        {
            // SPEC §3.3: the server corrects such timestamps with boot id and uptime.
            loop.Post("startup:clock", w => events.Fault(w, "clock-unsynced", "the system clock is not NTP-synchronised; event times may be wrong until it is", "clock"));
        }

        OnBufferStats(this, buffer.GetStats());
    }

    private void OnBufferStats(object? sender, BufferStats stats)
    {
        loop.Post("storage", w =>
        {
            var decision = w.SetStorageFull(stats.Full);
            if (stats.Full || !stats.NearFull)
            {
                return decision;
            }

            var fault = events.Fault(w, "storage-near-full", $"{stats.Pending} of {stats.MaxEvents} events, {stats.PendingBytes} of {stats.MaxBytes} bytes pending", "storage");
            return new Decision([.. decision.Events, .. fault.Events], decision.Cues);
        });
    }
}
