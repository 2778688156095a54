using Microsoft.Extensions.Logging;
using Terminal.Core.Identity;
using Terminal.Mqtt;

namespace Terminal.Host.Publishing;

/// <summary>Routes messages from the broker: commands (SPEC §5.4) and the roster (SPEC §5.5).</summary>
internal sealed partial class InboundMessages(TerminalIdentity identity, ILogger<InboundMessages> logger)
{
    public Task HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        LogReceived(message.Topic, message.Payload.Length, identity.TerminalId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Received {Topic} ({Bytes} bytes) for {Terminal}")]
    private partial void LogReceived(string topic, int bytes, string terminal);
}
