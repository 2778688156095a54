using Terminal.Mqtt.Tests.Support;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Waiting;

namespace Terminal.Mqtt.Tests.Session;

// Flow control, session resumption, half-open links, failover and broker restarts, against real Mosquitto.
public sealed class ResilienceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Pipelining_NeverExceedsTheBrokersReceiveMaximum_ButReachesIt()
    {
        using var broker = new MosquittoBroker(extraConfig: ["max_inflight_messages 3"]);
        broker.Start();
        var (subscriber, inbox) = await TestClients.SubscriberAsync(broker.Uri, "sub", MqttProtocol.V500, "flow/#");
        await using var _ = subscriber;
        await using var device = TestClients.Create(TestClients.Options(broker.Uri, "device"));
        device.Start();

        var pending = await Drain.RunAsync(device, "flow/e", 300, None);

        Assert.Empty(pending);
        Assert.Equal(3, device.InFlightHighWater);
        Drain.AssertAllInOrder(await inbox.WaitForAsync(300), 300);
    }

    [Fact]
    public async Task ConnectionCutMidDrain_ResendsUnacknowledged_NothingLostOrderKept()
    {
        await using var link = await ProxiedDevice.CreateAsync("cut/#");
        var (inbox, proxy, device, log) = (link.Inbox, link.Proxy, link.Device, link.Log);
        device.Start();

        var drain = Drain.RunAsync(device, "cut/e", 3000, None);
        await Eventually.TrueAsync(() => inbox.Messages.Count >= 1000, TimeSpan.FromSeconds(20), "1000 delivered");
        proxy.Cut();
        var pending = await drain;

        Assert.Empty(pending);
        Assert.True(log.Changes.Count(c => c.Change.State == MqttConnectionState.Connected) >= 2, "reconnected after the cut");
        Drain.AssertAllInOrder(await inbox.WaitForAsync(3000, TimeSpan.FromSeconds(30)), 3000);
    }

    [Fact]
    public async Task HalfOpenLink_IsDetectedWithinOneAndAHalfKeepAlives_AndNothingIsLost()
    {
        var keepAlive = TimeSpan.FromSeconds(2);
        await using var link = await ProxiedDevice.CreateAsync("half/#", keepAlive);
        var (inbox, proxy, device, log) = (link.Inbox, link.Proxy, link.Device, link.Log);
        device.Start();
        await TestClients.WaitConnectedAsync(device);
        await device.PublishAsync(new MqttApplicationMessage("half/e", BitConverter.GetBytes(0)), None);

        proxy.BlackHole = true;
        var cutAt = log.Now;
        var during = Enumerable.Range(1, 9).Select(i => device.PublishAsync(new MqttApplicationMessage("half/e", BitConverter.GetBytes(i)), None)).ToList();
        var (_, droppedAt) = await log.WaitForAsync(c => c.State == MqttConnectionState.Disconnected, TimeSpan.FromSeconds(10), after: cutAt);
        proxy.BlackHole = false;
        await Task.WhenAll(during);

        Assert.True(droppedAt - cutAt <= keepAlive * 1.5, $"detected after {(droppedAt - cutAt).TotalSeconds:0.00} s, keep-alive {keepAlive.TotalSeconds} s");
        Drain.AssertAllInOrder(await inbox.WaitForAsync(10), 10);
    }

    [Fact]
    public async Task QuietLink_IsKeptOpenByPings_ForManyKeepAlives()
    {
        // Mosquitto drops a client silent for 1.5 keep-alives: only the client's pings keep this one.
        var keepAlive = TimeSpan.FromSeconds(1);
        await using var link = await ProxiedDevice.CreateAsync("quiet/#", keepAlive);
        var (inbox, proxy, device, log) = (link.Inbox, link.Proxy, link.Device, link.Log);
        device.Start();
        await TestClients.WaitConnectedAsync(device);
        var connectedAt = log.Now;

        // A bounded wait for something that must not happen: a drop within six keep-alives.
        await Assert.ThrowsAnyAsync<Exception>(() => log.WaitForAsync(c => c.State == MqttConnectionState.Disconnected, keepAlive * 6, after: connectedAt));

        Assert.Equal(1, proxy.AcceptedConnections);
        await device.PublishAsync(new MqttApplicationMessage("quiet/e", BitConverter.GetBytes(1)), None);
        Drain.AssertAllInOrder(await inbox.WaitForAsync(1), 1);
    }

    [Fact]
    public async Task FirstBrokerDown_FailsOverToSecond_AndBackToFirstWhenItReturns()
    {
        using var first = new MosquittoBroker();
        using var second = new MosquittoBroker();
        first.Start();
        second.Start();
        var options = TestClients.Options(first.Uri, "device") with
        {
            Brokers = [first.Uri, second.Uri],
            FailbackInterval = TimeSpan.FromMilliseconds(300),
        };
        await using var device = TestClients.Create(options);
        var log = new StateLog(device);
        device.Start();
        await log.WaitForAsync(c => c.State == MqttConnectionState.Connected && c.Broker == first.Uri, TimeSpan.FromSeconds(10));

        first.Kill();
        var killedAt = log.Now;
        await log.WaitForAsync(c => c.State == MqttConnectionState.Connected && c.Broker == second.Uri, TimeSpan.FromSeconds(10), after: killedAt);
        Assert.True((await device.PublishAsync(new MqttApplicationMessage("fo/e", "on second"u8.ToArray()), None)).IsSuccess);

        first.Start();
        var restartedAt = log.Now;
        await log.WaitForAsync(c => c.State == MqttConnectionState.Connected && c.Broker == first.Uri, TimeSpan.FromSeconds(10), after: restartedAt);
        Assert.True((await device.PublishAsync(new MqttApplicationMessage("fo/e", "back on first"u8.ToArray()), None)).IsSuccess);
    }

    [Fact]
    public async Task BrokerRestartMidDrainOf10000_LosesNoneAndKeepsOrder()
    {
        using var broker = new MosquittoBroker(extraConfig: ["max_queued_messages 0"]);
        broker.Start();
        var (subscriber, inbox) = await TestClients.SubscriberAsync(broker.Uri, "sub", MqttProtocol.V500, "drain/#");
        await using var _ = subscriber;
        await using var device = TestClients.Create(TestClients.Options(broker.Uri, "device"));
        device.Start();

        var drain = Drain.RunAsync(device, "drain/e", 10_000, None);
        await Eventually.TrueAsync(() => inbox.Messages.Count >= 3000, TimeSpan.FromSeconds(30), "3000 delivered");
        broker.Restart();
        var pending = await drain.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(pending);
        Drain.AssertAllInOrder(await inbox.WaitForAsync(10_000, TimeSpan.FromSeconds(60)), 10_000);
    }

    [Fact]
    public async Task BrokerStoppedBeforeStart_PublishesWaitAndGoOutInOrderOnceItRuns()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        var (subscriber, inbox) = await TestClients.SubscriberAsync(broker.Uri, "sub", MqttProtocol.V311, "wait/#");
        await using var _ = subscriber;
        broker.Stop();
        await using var device = TestClients.Create(TestClients.Options(broker.Uri, "device", MqttProtocol.V311));
        device.Start();

        var drain = Drain.RunAsync(device, "wait/e", 100, None);
        Assert.False(drain.IsCompleted);
        broker.Start();
        var pending = await drain.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(pending);
        Drain.AssertAllInOrder(await inbox.WaitForAsync(100), 100);
    }
}
