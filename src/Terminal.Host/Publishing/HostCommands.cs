using System.Text.Json.Nodes;
using Terminal.Core.Commands;
using Terminal.Host.SelfTest;

namespace Terminal.Host.Publishing;

/// <summary>
/// Commands the core parses but the host carries out (SPEC §5.4): <c>status.get</c>,
/// <c>selftest.run</c> and <c>update.apply</c>.
/// </summary>
internal sealed class HostCommands(StatusReporter reporter, SelfTestRunner selfTest)
{
    public async Task<CommandResult> RunAsync(CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.HostCommand switch
        {
            StatusGetCommand => CommandResult.Success(outcome.Id, new JsonObject { ["status"] = reporter.Current().ToJsonNode() }),

            // ok: the self-test ran; its "passed" field says whether the hardware did.
            SelfTestCommand => CommandResult.Success(outcome.Id, await selfTest.RunForCommandAsync(cancellationToken).ConfigureAwait(false)),
            _ => CommandResult.Failure(outcome.Id, new CommandError(CommandError.Failed, $"{outcome.HostCommand?.GetType().Name ?? "command"} is not available on this terminal")),
        };
    }
}
