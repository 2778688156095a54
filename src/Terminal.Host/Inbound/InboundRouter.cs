using Terminal.Core.Identity;
using Terminal.Mqtt;

namespace Terminal.Host.Inbound;

/// <summary>
/// Messages from the broker, by topic: the hall's retained roster (SPEC §5.5) to the
/// <see cref="RosterInbox"/>, commands to this terminal or the whole hall (SPEC §5.4) to the
/// <see cref="CommandInbox"/>. Called by the MQTT client one message at a time; returns as soon as
/// the message is taken (long commands go on elsewhere), so the next one is not held up.
/// </summary>
internal sealed class InboundRouter(TerminalIdentity identity, RosterInbox roster, CommandInbox commands)
{
    private string RosterTopic => $"eval/v1/{identity.HallId}/roster";

    public Task HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Topic == RosterTopic
            ? roster.HandleAsync(message.Payload)
            : commands.HandleAsync(message, message.Topic[(message.Topic.LastIndexOf('/') + 1)..], cancellationToken);
    }
}
