using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Terminal.Core.Attendance;
using Terminal.Core.Commands;
using Terminal.Core.Identity;
using Terminal.Core.Window;
using Terminal.Host.Pipeline;
using Terminal.Mqtt;

namespace Terminal.Host.Publishing;

/// <summary>
/// Messages from the broker: commands (SPEC §5.4) are decided on the loop like any input, their
/// events committed, then the result sent to the MQTT 5 response topic (with the correlation data)
/// or the 3.1.1 <c>replyTo</c>; the retained roster (SPEC §5.5) replaces the cached one when newer.
/// </summary>
internal sealed partial class InboundMessages(
    TerminalIdentity identity,
    TerminalLoop loop,
    WindowJournal journal,
    HostCommands hostCommands,
    Lazy<IMqttClient> mqtt,
    ILogger<InboundMessages> logger)
{
    private string RosterTopic => $"eval/v1/{identity.HallId}/roster";

    public async Task HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (message.Topic == RosterTopic)
        {
            await ApplyRosterAsync(message).ConfigureAwait(false);
            return;
        }

        var name = message.Topic[(message.Topic.LastIndexOf('/') + 1)..];
        CommandOutcome? outcome = null;
        var payload = message.Payload.ToArray();
        await loop.PostAndWaitAsync($"command:{name}", window =>
        {
            var before = window.Settings;
            outcome = new CommandHandler(window).Handle(name, payload);
            if (outcome.AppliedSettings is { } settings)
            {
                journal.SaveSettings(before, settings);
            }

            return outcome.Decision;
        }).ConfigureAwait(false);

        var result = outcome!.Result ?? await hostCommands.RunAsync(outcome, cancellationToken).ConfigureAwait(false);
        LogCommand(name, result.Ok, result.Error?.Code ?? "-");
        await ReplyAsync(message, outcome.ReplyTo, result, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplyAsync(MqttApplicationMessage request, string? replyTo, CommandResult result, CancellationToken cancellationToken)
    {
        var topic = request.ResponseTopic ?? replyTo;
        if (topic is null)
        {
            return;
        }

        var reply = new MqttApplicationMessage(topic, result.ToJson())
        {
            Qos = MqttQos.AtLeastOnce,
            CorrelationData = request.CorrelationData,
            ContentType = "application/json",
        };
        try
        {
            await mqtt.Value.PublishAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or MqttPublishException)
        {
            LogReplyFailed(topic, e.Message);
        }
    }

    private async Task ApplyRosterAsync(MqttApplicationMessage message)
    {
        if (message.Payload.Length == 0)
        {
            return;
        }

        if (!RosterJson.TryParse(message.Payload.Span, out var roster, out var error))
        {
            LogBadRoster(error);
            return;
        }

        await loop.PostAndWaitAsync("roster", window =>
        {
            var cached = window.Roster.Version;
            if (window.ApplyRoster(roster!))
            {
                journal.SaveRoster(roster!);
                LogRoster(roster!.Version);
            }
            else
            {
                LogRosterIgnored(roster!.Version, cached);
            }

            return Decision.None;
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Name}: ok={Ok} ({Error})")]
    private partial void LogCommand(string name, bool ok, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the reply to {Topic}: {Reason}")]
    private partial void LogReplyFailed(string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring an invalid roster: {Reason}")]
    private partial void LogBadRoster(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster version {Version} ignored: version {Cached} is newer or the same")]
    private partial void LogRosterIgnored(long version, long cached);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster version {Version} cached")]
    private partial void LogRoster(long version);
}
