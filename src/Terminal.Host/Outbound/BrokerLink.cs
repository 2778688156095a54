using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Terminal.Host.Inbound;
using Terminal.Mqtt;
using Terminal.Mqtt.Diagnostics;

namespace Terminal.Host.Outbound;

/// <summary>
/// Owns the MQTT connection's life: birth status on every connect, the offline will, messages in
/// to the <see cref="InboundRouter"/>, and a goodbye (<c>offline</c>, then DISCONNECT) on a requested stop.
/// </summary>
/// <remarks>
/// The connection's ups and downs are logged by <see cref="ConnectionLog"/>, taken here so it listens before the client starts.
/// The client starts once every part of the host has started, just before READY=1: a press never waits
/// for the broker (the buffer holds it), so the first connect and its status document stay off the start-up path.
/// </remarks>
internal sealed partial class BrokerLink(
    IMqttClient mqtt,
    StatusPublisher status,
    InboundRouter inbound,
    ConnectionLog connection,
    ILogger<BrokerLink> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(3);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The connection log was built with us and listens already: the first attempt is part of its story.
        GC.KeepAlive(connection);
        mqtt.ConnectedHandler = (connected, ct) =>
        {
            // Queued first, before any buffered event is released (the client holds them until we return).
            status.PublishAsync(ct).Forget();
            return Task.CompletedTask;
        };
        mqtt.MessageHandler = inbound.HandleAsync;
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        mqtt.Start();
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the offline status before stopping; the broker's will covers it")]
    private partial void LogNoGoodbye();
}
