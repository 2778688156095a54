using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Terminal.Host.Inbound;
using Terminal.Mqtt;

namespace Terminal.Host.Outbound;

/// <summary>
/// Owns the MQTT connection's life: birth status on every connect, the offline will, messages in
/// to the <see cref="InboundRouter"/>, and a goodbye (<c>offline</c>, then DISCONNECT) on a requested stop.
/// </summary>
internal sealed partial class BrokerLink(
    IMqttClient mqtt,
    StatusPublisher status,
    InboundRouter inbound,
    ILogger<BrokerLink> logger) : IHostedService
{
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(3);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        mqtt.StateChanged += (_, change) => LogState(change.State, change.Broker?.ToString() ?? "-", change.Error ?? string.Empty);
        mqtt.ConnectedHandler = (connected, ct) =>
        {
            // Queued first, before any buffered event is released (the client holds them until we return).
            status.PublishAsync(ct).Forget();
            return Task.CompletedTask;
        };
        mqtt.MessageHandler = inbound.HandleAsync;
        mqtt.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(GoodbyeTimeout);
        try
        {
            if (mqtt.State == MqttConnectionState.Connected)
            {
                await status.PublishAsync(timeout.Token, "offline").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            LogNoGoodbye();
        }

        await mqtt.StopAsync(timeout.Token).ConfigureAwait(false);
        await mqtt.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker connection {State} ({Broker}) {Error}")]
    private partial void LogState(MqttConnectionState state, string broker, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the offline status before stopping; the broker's will covers it")]
    private partial void LogNoGoodbye();
}
