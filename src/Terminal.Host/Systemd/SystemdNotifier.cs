using Microsoft.Extensions.Logging;

namespace Terminal.Host.Systemd;

/// <summary>
/// Tells systemd about this service's life (READY, STOPPING, STATUS, WATCHDOG; sd_notify(3)).
/// Every call is a no-op when the process was not started by systemd with <c>Type=notify</c>,
/// and a failed send is logged, never thrown: the service must not die of its own reporting.
/// </summary>
internal sealed class SystemdNotifier : IDisposable
{
    private readonly NotifySocket? _socket;
    private readonly ILogger _logger;

    public SystemdNotifier(SystemdEnvironment environment, ILogger<SystemdNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Environment = environment;
        _logger = logger;
        if (environment.NotifySocket is { } address)
        {
            _socket = new NotifySocket(address);
        }
    }

    public SystemdEnvironment Environment { get; }

    /// <summary>Whether notifications go anywhere (the process runs under systemd).</summary>
    public bool IsEnabled => _socket is not null;

    public void Ready(string? status = null) => Send(WithStatus("READY=1", status));

    public void Stopping(string? status = null) => Send(WithStatus("STOPPING=1", status));

    public void Status(string status) => Send("STATUS=" + OneLine(status));

    public void Watchdog() => Send("WATCHDOG=1");

    /// <summary>
    /// Asks systemd to treat the service as hung now (sd_notify(3) WATCHDOG=trigger), so the
    /// watchdog restart happens without waiting out the timeout.
    /// </summary>
    public void WatchdogTrigger(string status) => Send(WithStatus("WATCHDOG=trigger", status));

    public void Dispose() => _socket?.Dispose();

    private void Send(string message)
    {
        if (_socket is null)
        {
            return;
        }

        try
        {
            _socket.Send(message);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            _logger.LogWarning(ex, "systemd notification {Message} to {Socket} failed", message.Split('\n')[0], _socket.Address);
        }
    }

    private static string WithStatus(string message, string? status) =>
        status is null ? message : message + "\nSTATUS=" + OneLine(status);

    // A newline would start a new assignment in the datagram.
    private static string OneLine(string text) => text.Replace('\n', ' ');
}
