using Microsoft.Extensions.Hosting;

namespace Terminal.Host.Systemd;

/// <summary>Says STOPPING=1 as soon as the host begins to stop (sd_notify(3)), before workers wind down.</summary>
internal sealed class SystemdLifecycle(SystemdNotifier notifier) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        notifier.Stopping("stopping");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
