using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Terminal.Host.Panel;
using Terminal.Host.Pipeline;

namespace Terminal.Host.Workers;

/// <summary>
/// Runs the input side: board edges into the router, the decision loop. If either gives up for
/// good the host stops with a non-zero exit code, so systemd restarts it.
/// </summary>
internal sealed partial class TerminalWorker(
    BoardPanel panel,
    EdgeRouter router,
    TerminalLoop loop,
    IHostApplicationLifetime lifetime,
    ILogger<TerminalWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(
                Task.Run(() => loop.RunAsync(stoppingToken), stoppingToken),
                Task.Run(() => panel.ReadEdgesAsync(router, stoppingToken), stoppingToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogGaveUp(e);
            Environment.ExitCode = TerminalProgram.FatalError;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The input side failed; stopping so the service manager restarts the terminal")]
    private partial void LogGaveUp(Exception error);
}
