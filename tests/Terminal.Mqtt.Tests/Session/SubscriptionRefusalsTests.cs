using Terminal.Mqtt.Packets;
using Terminal.Mqtt.Session;

namespace Terminal.Mqtt.Tests.Session;

public class SubscriptionRefusalsTests
{
    private static readonly Uri Broker = new("mqtts://hall-server:8883");

    private static readonly MqttSubscription[] Requested =
    [
        new("eval/v1/H-01/T-0001/cmd/+"),
        new("eval/v1/H-01/cmd/+"),
        new("eval/v1/H-01/roster"),
    ];

    [Fact]
    public void AllGranted_RefusesNothing()
    {
        Assert.Empty(SubscriptionRefusals.Find(Broker, Requested, new SubAckPacket(1, [1, 1, 0]), MqttProtocol.V500));
    }

    [Fact]
    public void V5NotAuthorized_NamesTheFilterTheCodeAndTheBrokersReasonString()
    {
        var ack = new SubAckPacket(1, [1, 0x87, 1]) { Properties = new MqttProperties { ReasonString = "ACL" } };

        var refusal = Assert.Single(SubscriptionRefusals.Find(Broker, Requested, ack, MqttProtocol.V500));

        Assert.Equal("eval/v1/H-01/cmd/+", refusal.TopicFilter);
        Assert.Equal(0x87, refusal.ReasonCode);
        Assert.Equal("0x87 not authorized (ACL)", refusal.Reason);
        Assert.Equal(Broker, refusal.Broker);
    }

    [Fact]
    public void V311Failure_SaysThatTheProtocolGivesNoReason()
    {
        var refusal = Assert.Single(SubscriptionRefusals.Find(Broker, Requested, new SubAckPacket(1, [0x80, 1, 1]), MqttProtocol.V311));

        Assert.Equal("eval/v1/H-01/T-0001/cmd/+", refusal.TopicFilter);
        Assert.Equal("0x80 failure (MQTT 3.1.1 gives no reason)", refusal.Reason);
    }

    [Fact]
    public void ShortSubAck_RefusesTheFiltersItLeavesOut()
    {
        var refused = SubscriptionRefusals.Find(Broker, Requested, new SubAckPacket(1, [1]), MqttProtocol.V500);

        Assert.Equal(["eval/v1/H-01/cmd/+", "eval/v1/H-01/roster"], refused.Select(r => r.TopicFilter));
    }
}
