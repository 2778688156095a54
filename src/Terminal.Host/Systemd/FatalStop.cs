using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Terminal.Host.Systemd;

/// <summary>
/// How a worker gives up: log why, tell systemd (STATUS), set a non-zero exit code and stop the
/// host. Without the exit code the host would exit 0 and Restart=on-failure would not restart it.
/// </summary>
internal sealed partial class FatalStop(
    SystemdNotifier notifier,
    IHostApplicationLifetime lifetime,
    ILogger<FatalStop> logger)
{
    /// <summary>Exit code of a host that gave up (EX_SOFTWARE, sysexits.h).</summary>
    public const int ExitCode = 70;

    public void Stop(string worker, Exception? error)
    {
        LogGiveUp(error, worker);
        notifier.Status($"failed: {worker} gave up");
        if (Environment.ExitCode == 0)
        {
            Environment.ExitCode = ExitCode;
        }

        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Worker} gave up; stopping the host with a failure exit code")]
    private partial void LogGiveUp(Exception? error, string worker);
}
