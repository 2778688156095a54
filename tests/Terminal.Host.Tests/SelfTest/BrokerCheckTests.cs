using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Host.SelfTest;
using Terminal.Mqtt;
using Terminal.Mqtt.Diagnostics;

namespace Terminal.Host.Tests.SelfTest;

public class BrokerCheckTests
{
    private static readonly Uri Primary = new("mqtt://hall-a:1883");
    private static readonly Uri Standby = new("mqtt://hall-b:1883");

    [Fact]
    public void Connected_Passes_NamingTheBrokerInUse()
    {
        var mqtt = new FakeMqttClient();
        using var connection = new ConnectionLog(mqtt, new FakeTimeProvider(), NullLogger<ConnectionLog>.Instance);
        mqtt.Change(MqttConnectionState.Connecting, Primary);
        mqtt.Change(Failed(Primary, new MqttFailure(MqttFailureCause.Unreachable, "connection refused")));
        mqtt.Change(MqttConnectionState.Connected, Standby);

        var part = Assert.Single(new BrokerCheck(connection, [Primary, Standby]).Run());

        Assert.True(part.Passed, part.Detail);
        Assert.Equal("connected to mqtt://hall-b:1883/ since 2026-11-21 10:00:00Z", part.Detail);
    }

    [Fact]
    public void Disconnected_Fails_WithTheBrokersTriedAndTheLastError()
    {
        var mqtt = new FakeMqttClient();
        using var connection = new ConnectionLog(mqtt, new FakeTimeProvider(), NullLogger<ConnectionLog>.Instance);
        mqtt.Change(MqttConnectionState.Connecting, Primary);
        mqtt.Change(Failed(Primary, new MqttFailure(MqttFailureCause.ServerCertificateExpired, "the broker's certificate 'CN=hall-a' is not valid: it expired on 2026-11-20 10:00:00Z")));
        mqtt.Change(MqttConnectionState.Connecting, Standby);

        var part = Assert.Single(new BrokerCheck(connection, [Primary, Standby]).Run());

        Assert.False(part.Passed);
        Assert.StartsWith("connecting since", part.Detail, StringComparison.Ordinal);
        Assert.Contains("brokers mqtt://hall-a:1883/, mqtt://hall-b:1883/", part.Detail, StringComparison.Ordinal);
        Assert.Contains("last error (server-certificate-expired): the broker's certificate 'CN=hall-a' is not valid: it expired on 2026-11-20 10:00:00Z", part.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NeverConnected_Fails_SayingNoErrorYet()
    {
        using var connection = new ConnectionLog(new FakeMqttClient(), new FakeTimeProvider(), NullLogger<ConnectionLog>.Instance);

        var part = Assert.Single(new BrokerCheck(connection, [Primary]).Run());

        Assert.False(part.Passed);
        Assert.Contains("no error reported yet", part.Detail, StringComparison.Ordinal);
    }

    private static MqttConnectionStateChangedEventArgs Failed(Uri broker, MqttFailure failure) =>
        new(MqttConnectionState.Disconnected, broker, failure.Description) { Failure = failure, RetryIn = null };
}
