using Microsoft.Extensions.Logging;
using Terminal.Core.Commands;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;
using Terminal.Mqtt;

namespace Terminal.Host.Inbound;

/// <summary>
/// Commands (SPEC §5.4): decided on the loop like any input, their events committed and what they
/// changed kept, then answered. Commands the host carries out itself go to the
/// <see cref="HostCommandRunner"/>, which answers the long ones (self-test, update) later.
/// </summary>
internal sealed partial class CommandInbox(TerminalLoop loop, HostCommandRunner host, CommandReplies replies, ILogger<CommandInbox> logger)
{
    public async Task HandleAsync(MqttApplicationMessage message, string name, CancellationToken cancellationToken)
    {
        var processed = await loop.SubmitAsync(new CommandReceived(name, message.Payload.ToArray())).ConfigureAwait(false);
        var outcome = processed.Outcome.Command!;
        if (outcome.Result is { } result)
        {
            await AnswerAsync(message, name, outcome.ReplyTo, result, cancellationToken).ConfigureAwait(false);
            return;
        }

        host.Start(outcome, processed.Snapshot, answer => AnswerAsync(message, name, outcome.ReplyTo, answer, CancellationToken.None));
    }

    private Task AnswerAsync(MqttApplicationMessage message, string name, string? replyTo, CommandResult result, CancellationToken cancellationToken)
    {
        LogCommand(name, result.Ok, result.Error?.Code ?? "-");
        return replies.SendAsync(message, replyTo, result, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Name}: ok={Ok} ({Error})")]
    private partial void LogCommand(string name, bool ok, string error);
}
