using Terminal.Host.SelfTest;
using Terminal.Host.Tests.Fakes;
using Terminal.Mqtt;
using Terminal.TestUtils.Time;

namespace Terminal.Host.Tests.SelfTest;

public class BrokerCheckTests
{
    private static readonly Uri Primary = new("mqtt://hall-a:1883");
    private static readonly Uri Standby = new("mqtt://hall-b:1883");

    [Fact]
    public void Connected_Passes_NamingTheBrokerInUse()
    {
        var mqtt = new FakeMqttClient();
        using var watch = new BrokerWatch(mqtt, new FakeTimeProvider());
        mqtt.Change(MqttConnectionState.Connecting, Primary);
        mqtt.Change(MqttConnectionState.Disconnected, Primary, "connection refused");
        mqtt.Change(MqttConnectionState.Connected, Standby);

        var part = Assert.Single(new BrokerCheck(watch, [Primary, Standby]).Run());

        Assert.True(part.Passed, part.Detail);
        Assert.Equal("connected to mqtt://hall-b:1883/ since 2026-11-21 10:00:00Z", part.Detail);
    }

    [Fact]
    public void Disconnected_Fails_WithTheBrokersTriedAndTheLastError()
    {
        var mqtt = new FakeMqttClient();
        using var watch = new BrokerWatch(mqtt, new FakeTimeProvider());
        mqtt.Change(MqttConnectionState.Disconnected, Primary, "TLS: certificate expired");
        mqtt.Change(MqttConnectionState.Connecting, Standby);

        var part = Assert.Single(new BrokerCheck(watch, [Primary, Standby]).Run());

        Assert.False(part.Passed);
        Assert.StartsWith("connecting since", part.Detail, StringComparison.Ordinal);
        Assert.Contains("brokers mqtt://hall-a:1883/, mqtt://hall-b:1883/", part.Detail, StringComparison.Ordinal);
        Assert.Contains("last error: TLS: certificate expired", part.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NeverConnected_Fails_SayingNoErrorYet()
    {
        using var watch = new BrokerWatch(new FakeMqttClient(), new FakeTimeProvider());

        var part = Assert.Single(new BrokerCheck(watch, [Primary]).Run());

        Assert.False(part.Passed);
        Assert.Contains("no error reported yet", part.Detail, StringComparison.Ordinal);
    }
}
