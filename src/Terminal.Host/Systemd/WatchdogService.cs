using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Terminal.Host.Systemd;

/// <summary>
/// Feeds systemd's watchdog (WATCHDOG=1) every half <c>WATCHDOG_USEC</c>, but only while every
/// worker registered in <see cref="WorkerHeartbeats"/> has beaten within that interval; otherwise
/// it withholds the keep-alive and says which worker is silent in STATUS, so systemd restarts
/// a hung service (Restart=on-failure) and <c>systemctl status</c> shows why.
/// </summary>
internal sealed partial class WatchdogService(
    SystemdNotifier notifier,
    WorkerHeartbeats heartbeats,
    TimeProvider time,
    ILogger<WatchdogService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || notifier.Environment.PetInterval is not { } interval)
        {
            return;
        }

        heartbeats.BeatInterval = interval / 2;
        using var timer = new PeriodicTimer(interval, time);
        Tick(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Tick(interval);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: STOPPING=1 is sent by SystemdLifecycle.
        }
    }

    /// <summary>One decision: pet when all workers are alive, else report the silent ones.</summary>
    internal bool Tick(TimeSpan interval)
    {
        var silent = heartbeats.SilentLongerThan(interval);
        if (silent.Count == 0)
        {
            notifier.Watchdog();
            return true;
        }

        var names = string.Join(", ", silent);
        LogWithheld(names, interval);
        notifier.Status("watchdog withheld: silent worker(s) " + names);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Watchdog keep-alive withheld: no heartbeat from {Workers} within {Interval}")]
    private partial void LogWithheld(string workers, TimeSpan interval);
}
