using System.Text;
using Terminal.Mqtt.Tests.Support;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Network;
using Terminal.TestUtils.Waiting;

namespace Terminal.Mqtt.Tests;

// Against a real Mosquitto on loopback: what the host relies on.
public sealed class MqttClientTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly MosquittoBroker _broker = new();

    public MqttClientTests() => _broker.Start();

    public void Dispose() => _broker.Dispose();

    [Theory]
    [InlineData(MqttProtocol.V500)]
    [InlineData(MqttProtocol.V311)]
    public async Task Publish_QoS1_ReachesSubscriberAndCompletesAtPubAck(MqttProtocol protocol)
    {
        var (subscriber, inbox) = await TestClients.SubscriberAsync(_broker.Uri, "sub", protocol, "eval/v1/H/T/#");
        await using var _ = subscriber;
        await using var publisher = TestClients.Create(TestClients.Options(_broker.Uri, "pub", protocol));
        publisher.Start();

        var result = await publisher.PublishAsync(new MqttApplicationMessage("eval/v1/H/T/event/rating", "{\"seq\":1}"u8.ToArray()), None);

        Assert.True(result.IsSuccess);
        Assert.Equal(0, result.ReasonCode);
        var received = Assert.Single(await inbox.WaitForAsync(1));
        Assert.Equal("eval/v1/H/T/event/rating", received.Topic);
        Assert.Equal("{\"seq\":1}", Encoding.UTF8.GetString(received.Payload.Span));
        Assert.Equal(MqttQos.AtLeastOnce, received.Qos);
    }

    [Fact]
    public async Task Publish_V5_CarriesResponseTopicCorrelationDataContentTypeAndUserProperties()
    {
        var (subscriber, inbox) = await TestClients.SubscriberAsync(_broker.Uri, "sub", MqttProtocol.V500, "cmd/#");
        await using var _ = subscriber;
        await using var publisher = TestClients.Create(TestClients.Options(_broker.Uri, "pub"));
        publisher.Start();

        await publisher.PublishAsync(
            new MqttApplicationMessage("cmd/status.get", "{}"u8.ToArray())
            {
                ResponseTopic = "reply/here",
                CorrelationData = new byte[] { 1, 2, 3 },
                ContentType = "application/json",
                UserProperties = [new MqttUserProperty("k", "v"), new MqttUserProperty("名", "值")],
            },
            None);

        var received = Assert.Single(await inbox.WaitForAsync(1));
        Assert.Equal("reply/here", received.ResponseTopic);
        Assert.Equal(new byte[] { 1, 2, 3 }, received.CorrelationData!.Value.ToArray());
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal([new MqttUserProperty("k", "v"), new MqttUserProperty("名", "值")], received.UserProperties);
    }

    [Fact]
    public async Task Publish_V5_WithoutSubscribers_SucceedsWithNoMatchingSubscribers()
    {
        await using var publisher = TestClients.Create(TestClients.Options(_broker.Uri, "pub"));
        publisher.Start();

        var result = await publisher.PublishAsync(new MqttApplicationMessage("nobody/listens", "x"u8.ToArray()), None);

        Assert.Equal(0x10, result.ReasonCode);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task Publish_Retained_IsDeliveredToALaterSubscriber()
    {
        await using (var publisher = TestClients.Create(TestClients.Options(_broker.Uri, "pub")))
        {
            publisher.Start();
            await publisher.PublishAsync(new MqttApplicationMessage("eval/v1/H/T/status", "online"u8.ToArray()) { Retain = true }, None);
        }

        var (subscriber, inbox) = await TestClients.SubscriberAsync(_broker.Uri, "late", MqttProtocol.V500, "eval/v1/H/T/status");
        await using var _ = subscriber;

        var received = Assert.Single(await inbox.WaitForAsync(1));
        Assert.True(received.Retain);
        Assert.Equal("online", Encoding.UTF8.GetString(received.Payload.Span));
    }

    [Theory]
    [InlineData(MqttProtocol.V500)]
    [InlineData(MqttProtocol.V311)]
    public async Task ConnectionLostWithoutDisconnect_BrokerPublishesTheWill(MqttProtocol protocol)
    {
        var (subscriber, inbox) = await TestClients.SubscriberAsync(_broker.Uri, "sub", MqttProtocol.V500, "eval/v1/H/T/status");
        await using var _ = subscriber;
        await using var proxy = new LoopbackTcpProxy(_broker.Port);
        proxy.Start();
        var options = TestClients.Options(proxy.Uri, "device", protocol) with
        {
            Will = () => new MqttApplicationMessage("eval/v1/H/T/status", "{\"state\":\"offline\"}"u8.ToArray()) { Retain = true },
        };
        await using var device = TestClients.Create(options);
        device.Start();
        await TestClients.WaitConnectedAsync(device);

        proxy.Cut();

        var will = Assert.Single(await inbox.WaitForAsync(1));
        Assert.Equal("{\"state\":\"offline\"}", Encoding.UTF8.GetString(will.Payload.Span));
    }

    [Fact]
    public async Task TheWill_IsComposedForEachConnect_SoItTellsTheStateAsOfTheLastOne()
    {
        var (subscriber, inbox) = await TestClients.SubscriberAsync(_broker.Uri, "sub", MqttProtocol.V500, "eval/v1/H/T/status");
        await using var _ = subscriber;
        await using var proxy = new LoopbackTcpProxy(_broker.Port);
        proxy.Start();
        var connects = 0;
        var options = TestClients.Options(proxy.Uri, "device") with
        {
            Will = () => new MqttApplicationMessage("eval/v1/H/T/status", Encoding.UTF8.GetBytes($"offline after connect {Interlocked.Increment(ref connects)}")),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        await using var device = TestClients.Create(options);
        device.Start();
        await TestClients.WaitConnectedAsync(device);

        proxy.Cut();
        await Eventually.TrueAsync(() => Volatile.Read(ref connects) == 2 && device.State == MqttConnectionState.Connected, TimeSpan.FromSeconds(10), "connected again");
        proxy.Cut();

        var wills = (await inbox.WaitForAsync(2)).Select(m => Encoding.UTF8.GetString(m.Payload.Span));
        Assert.Equal(["offline after connect 1", "offline after connect 2"], wills);
    }

    [Fact]
    public async Task AWillThatCannotBeComposed_FailsTheConnectWithItsReason_AndTheClientKeepsTrying()
    {
        var attempts = 0;
        var options = TestClients.Options(_broker.Uri, "device") with
        {
            Will = () => Interlocked.Increment(ref attempts) < 3
                ? throw new IOException("status unavailable")
                : new MqttApplicationMessage("status/will", "offline"u8.ToArray()),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var device = TestClients.Create(options);
        device.StateChanged += (_, e) =>
        {
            if (e.Failure is { } failure)
            {
                failures.Enqueue(failure.Description);
            }
        };
        device.Start();
        await TestClients.WaitConnectedAsync(device);

        Assert.Contains("the will could not be composed: status unavailable", failures);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task StopAsync_DisconnectsCleanly_SoTheWillIsNotPublished()
    {
        var (subscriber, inbox) = await TestClients.SubscriberAsync(_broker.Uri, "sub", MqttProtocol.V500, "status/#");
        await using var _ = subscriber;
        var options = TestClients.Options(_broker.Uri, "device") with { Will = () => new MqttApplicationMessage("status/will", "offline"u8.ToArray()) };
        var device = TestClients.Create(options);
        device.Start();
        await TestClients.WaitConnectedAsync(device);

        await device.StopAsync(None);
        await subscriber.PublishAsync(new MqttApplicationMessage("status/marker", "m"u8.ToArray()), None);

        // The marker is published after the stop: had the will been sent, it would be there first.
        var received = await inbox.WaitForAsync(1);
        Assert.Equal(["status/marker"], received.Select(m => m.Topic));
        Assert.Equal(MqttConnectionState.Disconnected, device.State);
    }

    [Fact]
    public async Task ConnectedHandler_PublishesBeforeQueuedPublishes()
    {
        var (subscriber, inbox) = await TestClients.SubscriberAsync(_broker.Uri, "sub", MqttProtocol.V500, "t/#");
        await using var _ = subscriber;
        await using var device = TestClients.Create(TestClients.Options(_broker.Uri, "device"));
        var queued = Enumerable.Range(1, 5).Select(i => device.PublishAsync(new MqttApplicationMessage($"t/event/{i}", new[] { (byte)i }), None)).ToList();
        device.ConnectedHandler = (ctx, ct) => device.PublishAsync(new MqttApplicationMessage("t/status", "birth"u8.ToArray()) { Retain = true }, ct);

        device.Start();
        await Task.WhenAll(queued);

        var topics = (await inbox.WaitForAsync(6)).Select(m => m.Topic).ToList();
        Assert.Equal(["t/status", "t/event/1", "t/event/2", "t/event/3", "t/event/4", "t/event/5"], topics);
    }

    [Fact]
    public async Task Publish_ManyPipelined_KeepCallOrderOnTheWire()
    {
        var (subscriber, inbox) = await TestClients.SubscriberAsync(_broker.Uri, "sub", MqttProtocol.V500, "seq/#");
        await using var _ = subscriber;
        await using var device = TestClients.Create(TestClients.Options(_broker.Uri, "device"));
        device.Start();

        var all = Enumerable.Range(0, 500).Select(i => device.PublishAsync(new MqttApplicationMessage("seq/e", BitConverter.GetBytes(i)), None)).ToList();
        await Task.WhenAll(all);

        var values = (await inbox.WaitForAsync(500)).Select(m => BitConverter.ToInt32(m.Payload.Span)).ToList();
        Assert.Equal(Enumerable.Range(0, 500), values);
    }

    [Fact]
    public async Task Publish_QoS0_CompletesWhenWritten()
    {
        var (subscriber, inbox) = await TestClients.SubscriberAsync(_broker.Uri, "sub", MqttProtocol.V500, "q0/#");
        await using var _ = subscriber;
        await using var device = TestClients.Create(TestClients.Options(_broker.Uri, "device"));
        device.Start();

        var result = await device.PublishAsync(new MqttApplicationMessage("q0/x", "a"u8.ToArray()) { Qos = MqttQos.AtMostOnce }, None);

        Assert.Equal(0, result.ReasonCode);
        Assert.Equal(MqttQos.AtMostOnce, Assert.Single(await inbox.WaitForAsync(1)).Qos);
    }

    [Fact]
    public void Constructor_PlainTcpWithoutAllowInsecure_IsRefusedWithAClearMessage()
    {
        var options = TestClients.Options(_broker.Uri, "device") with { AllowInsecure = false };

        var error = Assert.Throws<ArgumentException>(() => TestClients.Create(options));

        Assert.Contains("AllowInsecure", error.Message, StringComparison.Ordinal);
        Assert.Contains(_broker.Uri.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/+/b")]
    [InlineData("a/#")]
    [InlineData("")]
    public async Task PublishAsync_TopicWithWildcardOrEmpty_IsRefused(string topic)
    {
        await using var device = TestClients.Create(TestClients.Options(_broker.Uri, "device"));

        Assert.Throws<ArgumentException>(() => { _ = device.PublishAsync(new MqttApplicationMessage(topic, "x"u8.ToArray()), None); });
    }
}
