using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Network;

namespace Terminal.Mqtt.Tests.Support;

/// <summary>
/// A device client that reaches a real Mosquitto through a <see cref="LoopbackTcpProxy"/> (so a test
/// can cut or black-hole the link), a subscriber on the broker's side, and the device's state log.
/// </summary>
internal sealed class ProxiedDevice : IAsyncDisposable
{
    private readonly MosquittoBroker _broker;
    private readonly MqttClient _subscriber;

    private ProxiedDevice(MosquittoBroker broker, MqttClient subscriber, MessageInbox inbox, LoopbackTcpProxy proxy, MqttClient device)
    {
        _broker = broker;
        _subscriber = subscriber;
        Inbox = inbox;
        Proxy = proxy;
        Device = device;
        Log = new StateLog(device);
    }

    public MessageInbox Inbox { get; }

    public LoopbackTcpProxy Proxy { get; }

    public MqttClient Device { get; }

    public StateLog Log { get; }

    /// <summary>Starts the broker, the subscriber on <paramref name="filter"/>, the proxy and the device (not yet started).</summary>
    public static async Task<ProxiedDevice> CreateAsync(string filter, TimeSpan? keepAlive = null)
    {
        var broker = new MosquittoBroker();
        broker.Start();
        var (subscriber, inbox) = await TestClients.SubscriberAsync(broker.Uri, "sub", MqttProtocol.V500, filter);
        var proxy = new LoopbackTcpProxy(broker.Port);
        proxy.Start();
        var options = TestClients.Options(proxy.Uri, "device");
        var device = TestClients.Create(keepAlive is { } k ? options with { KeepAlive = k } : options);
        return new ProxiedDevice(broker, subscriber, inbox, proxy, device);
    }

    public async ValueTask DisposeAsync()
    {
        await Device.DisposeAsync();
        await Proxy.DisposeAsync();
        await _subscriber.DisposeAsync();
        _broker.Dispose();
    }
}
