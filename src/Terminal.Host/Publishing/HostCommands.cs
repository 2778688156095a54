using System.Text.Json.Nodes;
using Terminal.Core.Commands;
using Terminal.Host.SelfTest;
using Terminal.Host.Updates;

namespace Terminal.Host.Publishing;

/// <summary>
/// Commands the core parses but the host carries out (SPEC §5.4): <c>status.get</c>,
/// <c>selftest.run</c> and <c>update.apply</c>.
/// </summary>
internal sealed class HostCommands(StatusReporter reporter, SelfTestRunner selfTest, UpdateStager updates)
{
    public async Task<CommandResult> RunAsync(CommandOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.HostCommand switch
        {
            StatusGetCommand => CommandResult.Success(outcome.Id, new JsonObject { ["status"] = reporter.Current().ToJsonNode() }),

            // ok: the self-test ran; its "passed" field says whether the hardware did.
            SelfTestCommand => CommandResult.Success(outcome.Id, await selfTest.RunForCommandAsync(cancellationToken).ConfigureAwait(false)),
            UpdateApplyCommand update => await updates.StageAsync(update, cancellationToken).ConfigureAwait(false) is { } refused
                ? CommandResult.Failure(outcome.Id, refused)
                : CommandResult.Success(outcome.Id, new JsonObject
                {
                    ["staged"] = updates.UpdatesDirectory,
                    ["next"] = "verified and staged; the updater installs it with rollback and records the outcome in last-update.json",
                }),
            _ => CommandResult.Failure(outcome.Id, new CommandError(CommandError.UnknownCommand, $"{outcome.HostCommand?.GetType().Name ?? "command"} is not handled by this terminal")),
        };
    }
}
