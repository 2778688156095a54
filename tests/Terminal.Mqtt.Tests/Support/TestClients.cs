using Microsoft.Extensions.Logging.Abstractions;
using Terminal.TestUtils.Waiting;

namespace Terminal.Mqtt.Tests.Support;

/// <summary>Real clients for the integration tests, on loopback (plain TCP allowed explicitly).</summary>
internal static class TestClients
{
    public static MqttClientOptions Options(Uri broker, string clientId, MqttProtocol protocol = MqttProtocol.V500, params string[] subscriptions) => new()
    {
        Brokers = [broker],
        ClientId = clientId,
        Protocol = protocol,
        AllowInsecure = true,
        KeepAlive = TimeSpan.FromSeconds(10),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        Subscriptions = [.. subscriptions.Select(s => new MqttSubscription(s))],
    };

    public static MqttClient Create(MqttClientOptions options) => new(options, TimeProvider.System, NullLogger<MqttClient>.Instance);

    /// <summary>A started subscriber, returned once its subscriptions are in place.</summary>
    public static async Task<(MqttClient Client, MessageInbox Inbox)> SubscriberAsync(Uri broker, string clientId, MqttProtocol protocol, params string[] filters)
    {
        var inbox = new MessageInbox();
        var client = Create(Options(broker, clientId, protocol, filters));
        client.MessageHandler = inbox.Handle;
        client.Start();
        await WaitConnectedAsync(client);
        return (client, inbox);
    }

    public static Task WaitConnectedAsync(MqttClient client, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => client.State == MqttConnectionState.Connected, timeout ?? TimeSpan.FromSeconds(10), "connected");
}
