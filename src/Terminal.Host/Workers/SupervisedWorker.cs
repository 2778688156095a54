using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Terminal.Host.Workers;

/// <summary>
/// The one pattern of the host's long-running workers: one iteration at a time with a heartbeat
/// before each (the watchdog restarts a hung worker), a failed iteration logged with its reason
/// and retried after a growing pause, and after <see cref="FailuresBeforeGivingUp"/> failures in a
/// row the host stops with a failure exit code so that systemd restarts it.
/// </summary>
internal abstract partial class SupervisedWorker(string name, WorkerSupport support) : BackgroundService
{
    private readonly ILogger _logger = support.Loggers.CreateLogger(typeof(SupervisedWorker).FullName!);

    /// <summary>The worker's name in heartbeats and logs.</summary>
    public string Name { get; } = name;

    /// <summary>How often an iteration must return at the latest (a quarter of the watchdog timeout).</summary>
    protected TimeSpan BeatInterval => support.Heartbeats.BeatInterval;

    /// <summary>The clock workers wait on.</summary>
    protected TimeProvider Time => support.Time;

    /// <summary>Failures in a row after which the worker gives up and the host stops non-zero.</summary>
    protected virtual int FailuresBeforeGivingUp => 5;

    /// <summary>Once, before the first iteration.</summary>
    protected virtual Task StartingAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>One iteration; returns within <see cref="BeatInterval"/> even when idle.</summary>
    protected abstract Task IterateAsync(CancellationToken stoppingToken);

    /// <summary>Once, after a requested stop (not after giving up).</summary>
    protected virtual Task StoppedAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var heartbeat = support.Heartbeats.Register(Name);
        var failures = 0;
        try
        {
            await StartingAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                heartbeat.Beat();
                try
                {
                    await IterateAsync(stoppingToken).ConfigureAwait(false);
                    failures = 0;
                }
                catch (Exception e) when (e is not OutOfMemoryException && !(e is OperationCanceledException && stoppingToken.IsCancellationRequested))
                {
                    if (++failures >= FailuresBeforeGivingUp)
                    {
                        support.Fatal.Stop(Name, e);
                        return;
                    }

                    LogIterationFailed(e, Name, e.Message, failures, FailuresBeforeGivingUp);
                    await Task.Delay(TimeSpan.FromSeconds(failures), support.Time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await StoppedAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker}: an iteration failed ({Reason}); failure {Failures} of {Limit} in a row, retrying")]
    private partial void LogIterationFailed(Exception error, string worker, string reason, int failures, int limit);
}
