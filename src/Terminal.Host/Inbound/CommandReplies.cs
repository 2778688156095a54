using Microsoft.Extensions.Logging;
using Terminal.Core.Commands;
using Terminal.Mqtt;

namespace Terminal.Host.Inbound;

/// <summary>
/// Sends a command's result (SPEC §5.4) to the MQTT 5 response topic with the request's
/// correlation data, or to the 3.1.1 <c>replyTo</c> of the payload; a request with neither gets none.
/// </summary>
internal sealed partial class CommandReplies(Lazy<IMqttClient> mqtt, ILogger<CommandReplies> logger)
{
    public async Task SendAsync(MqttApplicationMessage request, string? replyTo, CommandResult result, CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the reply to {Topic}: {Reason}")]
    private partial void LogReplyFailed(string topic, string reason);
}
