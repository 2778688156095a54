using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Terminal.Core.Commands;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Core.Keys;
using Terminal.Core.Settings;
using Terminal.Core.Window;
using Terminal.Configuration;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;
using Terminal.Host.Outbound;
using Terminal.Mqtt;
using Terminal.TestUtils.Contract;

namespace Terminal.Host.Tests.Outbound;

/// <summary>
/// The topics of docs/asyncapi.yaml are the terminal's: what it subscribes to (its client options),
/// its will, and the event and command names of the code.
/// </summary>
public sealed class MqttClientSetupTopicsTests
{
    private static readonly TerminalIdentity Identity = new("T-0412", "H-01", "12");
    private static readonly Dictionary<string, string> Here = new() { ["hall"] = Identity.HallId, ["terminal"] = Identity.TerminalId };
    private static readonly AsyncApiDocument Document = AsyncApiDocument.Shipped;
    private readonly MqttClientOptions _options = ClientOptions();

    private static IEnumerable<AsyncApiOperation> Receives => Document.Operations.Where(o => !o.IsSend);

    [Fact]
    public void Subscriptions_AreExactlyTheDocumentsReceiveChannels_AtQos1()
    {
        var filters = _options.Subscriptions.Select(s => s.TopicFilter).ToList();

        Assert.All(Receives, o =>
        {
            var topic = o.Channel.Topic(Here);
            Assert.True(filters.Any(f => TopicFilter.Matches(f, topic)), $"{o.Id}: the terminal does not subscribe to {topic} (subscriptions: {string.Join(", ", filters)})");
            Assert.Equal(1, o.Qos);
        });
        Assert.All(filters, f => Assert.True(Receives.Any(o => TopicFilter.Matches(f, o.Channel.Topic(Here))), $"the terminal subscribes to {f}, which no receive operation of docs/asyncapi.yaml covers"));
        Assert.All(_options.Subscriptions, s => Assert.Equal(MqttQos.AtLeastOnce, s.Qos));
    }

    [Fact]
    public void Subscriptions_CatchNeitherWhatTheTerminalPublishes_NorAnotherTerminalsCommands()
    {
        var filters = _options.Subscriptions.Select(s => s.TopicFilter).ToList();
        var published = Document.Operations.Where(o => o.IsSend && o.Channel.Address is not null).Select(o => o.Channel.Topic(Here));
        var neighbour = Receives.Where(o => o.Channel.Parameters.Contains("terminal")).Select(o => o.Channel.Topic(new Dictionary<string, string>(Here) { ["terminal"] = "T-9999" }));

        Assert.All(published.Concat(neighbour), topic => Assert.DoesNotContain(filters, f => TopicFilter.Matches(f, topic)));
    }

    [Fact]
    public void Will_IsTheOfflineStatus_RetainedAtQos1_OnTheStatusChannel()
    {
        var will = _options.Will!();
        var operation = Assert.Single(Document.OperationsFor(will.Topic));

        Assert.Equal($"{Identity.TopicRoot}/status", will.Topic);
        Assert.True(operation.IsSend);
        Assert.Equal((operation.Qos, operation.Retain), ((int?)will.Qos, (bool?)will.Retain));
        var payload = JsonDocument.Parse(will.Payload).RootElement;
        PayloadSchemas.AssertValid(Assert.Single(operation.Messages).Payload, payload, "the will");
        Assert.Equal("offline", payload.GetProperty("state").GetString());
    }

    [Fact]
    public void EventChannels_AreTheEventTypes_UnderTheTopicRoot()
    {
        var documented = Document.Operations.Where(o => o.IsSend && o.Channel.Address!.Contains("/event/", StringComparison.Ordinal)).Select(o => o.Channel.Topic(Here));

        Assert.Equal(
            Enum.GetValues<EventType>().Select(t => $"{Identity.TopicRoot}/event/{t.WireName()}").Order(StringComparer.Ordinal),
            documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CommandChannels_AreTheCommandNames_ForTheTerminalAndForTheHall()
    {
        var names = typeof(CommandNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var topics = Receives.Select(o => o.Channel.Topic(Here)).ToHashSet(StringComparer.Ordinal);

        Assert.All(names, n =>
        {
            Assert.Contains($"{Identity.TopicRoot}/cmd/{n}", topics);
            Assert.Contains($"eval/v1/{Identity.HallId}/cmd/{n}", topics);
        });
        Assert.Equal(2 * names.Count, topics.Count(t => t.Contains("/cmd/", StringComparison.Ordinal)));
    }

    private static MqttClientOptions ClientOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Terminal:TerminalId"] = Identity.TerminalId,
            ["Terminal:HallId"] = Identity.HallId,
            ["Terminal:Window"] = Identity.Window,
            ["Terminal:Board"] = "simulator",
            ["Terminal:Broker:Uris:0"] = "mqtts://hall:8883",
        }).Build();
        var options = new TerminalOptionsReader(configuration).Read(simulate: false, Path.Combine(AppContext.BaseDirectory, "board-config"));
        var window = new ServiceWindow(WindowSettings.Default, KeyLayout.FiveKeys, new EventFactory(Identity, new FixedDeviceClock(true)), TimeProvider.System);
        var snapshots = new SnapshotFeed(new LoopSnapshot(0, Tick.Instance, [], [], window.Snapshot()));
        return MqttClientSetup.Options(options, Identity, new StatusReporter(snapshots, new StatsBuffer(StatsBuffer.Empty), new FixedDeviceClock(true), "simulator", TimeProvider.System));
    }
}
