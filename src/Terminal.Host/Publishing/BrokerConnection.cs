using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Terminal.Core.Identity;
using Terminal.Host.Configuration;
using Terminal.Mqtt;

namespace Terminal.Host.Publishing;

/// <summary>
/// Owns the MQTT connection's life: birth status on every connect, the offline will, commands
/// and roster in, and a goodbye (<c>offline</c>, then DISCONNECT) on a requested stop.
/// </summary>
internal sealed partial class BrokerConnection(
    IMqttClient mqtt,
    StatusPublisher status,
    InboundMessages inbound,
    ILogger<BrokerConnection> logger) : IHostedService
{
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Client options from the configuration; the will is the offline status.</summary>
    public static MqttClientOptions ClientOptions(TerminalOptions options, TerminalIdentity identity, StatusReporter reporter)
    {
        var broker = options.Broker;
        return new MqttClientOptions
        {
            Brokers = broker.Uris,
            ClientId = $"eval-{identity.HallId}-{identity.TerminalId}",
            Protocol = broker.Protocol == "3.1.1" ? MqttProtocol.V311 : MqttProtocol.V500,
            KeepAlive = broker.KeepAlive,
            Username = broker.Username,
            Password = broker.PasswordFile is { } file ? File.ReadAllText(file).Trim() : null,
            Tls = broker.Ca is null && broker.Cert is null ? null : new MqttTlsOptions(broker.Ca, broker.Cert, broker.Key),
            AllowInsecure = broker.AllowInsecure,

            // Above the 64 KiB command limit on purpose: an oversized command must reach the
            // terminal to be answered "too-large" (SPEC §5.4) instead of being dropped by the broker.
            MaximumIncomingPacketSize = 4 * 1024 * 1024,
            Will = new MqttApplicationMessage($"{identity.TopicRoot}/status", reporter.Offline().ToUtf8())
            {
                Qos = MqttQos.AtLeastOnce,
                Retain = true,
                ContentType = "application/json",
            },
            Subscriptions =
            [
                new MqttSubscription($"{identity.TopicRoot}/cmd/+"),
                new MqttSubscription($"eval/v1/{identity.HallId}/cmd/+"),
                new MqttSubscription($"eval/v1/{identity.HallId}/roster"),
            ],
        };
    }

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
