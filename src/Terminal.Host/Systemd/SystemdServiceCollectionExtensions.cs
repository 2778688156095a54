using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Terminal.Host.Systemd;

/// <summary>Registration of the systemd pieces (sd_notify, watchdog, readiness) in the host.</summary>
internal static class SystemdServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SystemdNotifier"/>, <see cref="WorkerHeartbeats"/>, <see cref="ReadinessGate"/>,
    /// <see cref="FatalStop"/> and the hosted services that send WATCHDOG=1 and STOPPING=1.
    /// Everything is a no-op when the process does not run under systemd.
    /// </summary>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services, SystemdEnvironment? environment = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(environment ?? SystemdEnvironment.FromProcess());
        services.TryAddSingleton<SystemdNotifier>();
        services.TryAddSingleton<WorkerHeartbeats>();
        services.TryAddSingleton<ReadinessGate>();
        services.TryAddSingleton<FatalStop>();
        services.AddHostedService<SystemdLifecycle>();
        services.AddHostedService<WatchdogService>();
        return services;
    }
}
