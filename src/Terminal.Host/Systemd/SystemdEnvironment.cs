using System.Globalization;

namespace Terminal.Host.Systemd;

/// <summary>
/// What systemd told this process through its environment (sd_notify(3), sd_watchdog_enabled(3)):
/// where to send notifications and how often the watchdog must be fed.
/// </summary>
/// <param name="NotifySocket">Value of <c>NOTIFY_SOCKET</c>, or null when not started by systemd with <c>Type=notify</c>.</param>
/// <param name="WatchdogTimeout">From <c>WATCHDOG_USEC</c>, or null when the watchdog is off or meant for another process.</param>
internal sealed record SystemdEnvironment(string? NotifySocket, TimeSpan? WatchdogTimeout)
{
    /// <summary>Not under systemd: every notification is a no-op.</summary>
    public static SystemdEnvironment None { get; } = new(null, null);

    /// <summary>Keep-alives go out at half the timeout, as sd_watchdog_enabled(3) recommends.</summary>
    public TimeSpan? PetInterval => WatchdogTimeout / 2;

    public static SystemdEnvironment FromProcess() =>
        Read(Environment.GetEnvironmentVariable, Environment.ProcessId);

    /// <summary>Reads the variables through <paramref name="getVariable"/> so tests need not touch the real environment.</summary>
    public static SystemdEnvironment Read(Func<string, string?> getVariable, int processId)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var socket = getVariable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(socket))
        {
            socket = null;
        }

        return new SystemdEnvironment(socket, ReadWatchdog(getVariable, processId));
    }

    private static TimeSpan? ReadWatchdog(Func<string, string?> getVariable, int processId)
    {
        // sd_watchdog_enabled(3): WATCHDOG_PID, when set, names the one process the watchdog is for.
        var pid = getVariable("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid)
            && (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var watched) || watched != processId))
        {
            return null;
        }

        var usec = getVariable("WATCHDOG_USEC");
        if (!long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var micro) || micro <= 0)
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(micro);
    }
}
