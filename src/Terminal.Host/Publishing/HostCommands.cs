using System.Text.Json.Nodes;
using Terminal.Core.Commands;

namespace Terminal.Host.Publishing;

/// <summary>
/// Commands the core parses but the host carries out (SPEC §5.4): <c>status.get</c>,
/// <c>selftest.run</c> and <c>update.apply</c>.
/// </summary>
internal sealed class HostCommands(StatusReporter reporter)
{
    public Task<CommandResult> RunAsync(CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Task.FromResult(outcome.HostCommand switch
        {
            StatusGetCommand => CommandResult.Success(outcome.Id, new JsonObject { ["status"] = reporter.Current().ToJsonNode() }),
            _ => CommandResult.Failure(outcome.Id, new CommandError(CommandError.Failed, $"{outcome.HostCommand?.GetType().Name ?? "command"} is not available on this terminal")),
        });
    }
}
