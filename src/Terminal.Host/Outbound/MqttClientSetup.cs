using Terminal.Configuration;
using Terminal.Core.Identity;
using Terminal.Mqtt;

namespace Terminal.Host.Outbound;

/// <summary>The MQTT client's options from the configuration (docs/mqtt.md#topics): brokers, TLS, the offline will, the subscriptions.</summary>
internal static class MqttClientSetup
{
    /// <summary>Client options from the configuration; the will is the offline status as of each connect.</summary>
    public static MqttClientOptions Options(TerminalOptions options, TerminalIdentity identity, StatusReporter reporter)
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
            // terminal to be answered "too-large" (docs/mqtt.md#commands) instead of being dropped by the broker.
            MaximumIncomingPacketSize = 4 * 1024 * 1024,
            Will = () => new MqttApplicationMessage($"{identity.TopicRoot}/status", reporter.Offline().ToUtf8())
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
}
