using Microsoft.Extensions.Logging;
using Terminal.Mqtt.Tests.Support;
using Terminal.TestUtils.Broker;

namespace Terminal.Mqtt.Tests;

// A broker whose ACL refuses a SUBSCRIBE (Mosquitto's Dynamic Security plugin; acl_file never
// refuses one): the client says so in its log and on an event, instead of silently receiving nothing.
public sealed class MqttClientRefusedSubscriptionTests : IDisposable
{
    // Anonymous clients may use allowed/# only.
    private const string Acl = """
        {
          "defaultACLAccess": {"publishClientSend": false, "publishClientReceive": false, "subscribe": false, "unsubscribe": true},
          "clients": [],
          "groups": [{"groupname": "anonymous", "roles": [{"rolename": "allowed"}]}],
          "anonymousGroup": "anonymous",
          "roles": [{"rolename": "allowed", "acls": [
            {"acltype": "subscribePattern", "topic": "allowed/#", "priority": 0, "allow": true},
            {"acltype": "publishClientSend", "topic": "allowed/#", "priority": 0, "allow": true},
            {"acltype": "publishClientReceive", "topic": "allowed/#", "priority": 0, "allow": true}]}]
        }
        """;

    private readonly string _aclFile = Path.Combine(Path.GetTempPath(), $"dynsec-{Guid.NewGuid():N}.json");
    private readonly MosquittoBroker _broker;

    public MqttClientRefusedSubscriptionTests()
    {
        File.WriteAllText(_aclFile, Acl);
        _broker = new MosquittoBroker(MosquittoDynamicSecurity.Config(_aclFile));
        _broker.Start();
    }

    public void Dispose()
    {
        _broker.Dispose();
        File.Delete(_aclFile);
    }

    [Theory]
    [InlineData(MqttProtocol.V500, 0x87, "0x87 not authorized")]
    [InlineData(MqttProtocol.V311, 0x80, "0x80 failure (MQTT 3.1.1 gives no reason)")]
    public async Task RefusedFilter_IsLoggedAsAnError_RaisedAsAnEvent_AndTheGrantedOnesStillDeliver(MqttProtocol protocol, int code, string reason)
    {
        var logger = new RecordingLogger<MqttClient>();
        var inbox = new MessageInbox();
        var refusals = new List<MqttSubscriptionRefusedEventArgs>();
        await using var client = new MqttClient(TestClients.Options(_broker.Uri, "watcher", protocol, "forbidden/#", "allowed/x"), TimeProvider.System, logger);
        client.SubscriptionRefused += (_, refusal) => refusals.Add(refusal);
        client.MessageHandler = inbox.Handle;
        client.Start();
        await TestClients.WaitConnectedAsync(client);

        var refusal = Assert.Single(refusals);
        Assert.Equal(("forbidden/#", code, reason), (refusal.TopicFilter, refusal.ReasonCode, refusal.Reason));
        Assert.Equal(refusal, Assert.Single(client.RefusedSubscriptions));
        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains($"refused the subscription to forbidden/#: {reason}", error.Text, StringComparison.Ordinal);

        await using var publisher = TestClients.Create(TestClients.Options(_broker.Uri, "pub", protocol));
        publisher.Start();
        await publisher.PublishAsync(new MqttApplicationMessage("allowed/x", "1"u8.ToArray()), CancellationToken.None);
        Assert.Equal("allowed/x", Assert.Single(await inbox.WaitForAsync(1)).Topic);
    }

    [Fact]
    public async Task AllGranted_RaisesNothing_AndLogsNoError()
    {
        var logger = new RecordingLogger<MqttClient>();
        await using var client = new MqttClient(TestClients.Options(_broker.Uri, "watcher", MqttProtocol.V500, "allowed/#"), TimeProvider.System, logger);
        var raised = 0;
        client.SubscriptionRefused += (_, _) => raised++;
        client.Start();
        await TestClients.WaitConnectedAsync(client);

        Assert.Equal(0, raised);
        Assert.Empty(client.RefusedSubscriptions);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
    }
}
