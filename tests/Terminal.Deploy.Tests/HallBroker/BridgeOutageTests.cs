using System.Diagnostics;
using System.Text.Json;
using Terminal.Mqtt;
using Xunit.Abstractions;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// Issue 17: the central broker is stopped for a while under load and started again; the bridge's
/// persistent session and the hall broker's queue lose nothing.
/// </summary>
/// <remarks>
/// What "in seq order" means with redeliveries: QoS 1 across two hops is at least once, so the
/// centre may get a message again (the bridge resends what the centre had not acknowledged when it
/// stopped). Per terminal, take the messages in the order the central subscriber received them and
/// keep only the first delivery of each event id (what the platform's dedup by id keeps): those seq
/// are exactly 1, 2, …, N, the terminal's whole stream with no gap and nothing out of order. Every
/// other delivery repeats an id already received, with the same bytes.
/// </remarks>
[Collection(HallBrokerCollection.Name)]
public sealed class BridgeOutageTests(HallPki pki, ITestOutputHelper output)
{
    private static readonly string[] Loaders = ["T-0002", "T-0003", "T-0004"];

    [Fact]
    public async Task CentralStoppedUnderLoad_TheCentreEndsWithEveryEvent_FirstDeliveriesInSeqOrder()
    {
        using var hall = ShippedBrokers.Hall(pki);
        var linkState = $"$SYS/broker/connection/bridge.{HallPki.Hall}/state";
        await using var hallServer = await MqttPeer.ConnectAsync(hall.Uri, pki.HallServer, [$"eval/v1/{HallPki.Hall}/+/event/#", "$SYS/broker/connection/#"]);
        using var central = ShippedBrokers.Central(pki, hall);
        await using var platform = await MqttPeer.ConnectAsync(central.Uri, pki.Platform, [$"eval/v1/+/+/event/#"], persistent: true);
        await hallServer.WaitForAsync(linkState, "1");

        var loads = await Task.WhenAll(Loaders.Select(id => LoadTerminal.StartAsync(hall.Uri, pki.Terminal(id))));
        try
        {
            await platform.WaitForAsync(r => r.Count >= 300, "300 events at the centre before the outage");
            var outage = Stopwatch.StartNew();
            central.Stop();
            var atStop = loads.Select(l => l.Acknowledged).ToArray();
            await hallServer.WaitForAsync(r => Last(r, linkState) == "0", "the hall broker to see the link down");
            // "A while": until each terminal has had 3,000 more events taken by the hall broker, all
            // queued there for the centre (seconds on a loaded CI machine).
            await Task.WhenAll(loads.Select((l, i) => l.WhenAcknowledgedAsync(atStop[i] + 3000)));
            var duringOutage = loads.Select((l, i) => l.Acknowledged - atStop[i]).ToArray();
            central.Start();
            outage.Stop();
            var back = Stopwatch.StartNew();
            await hallServer.WaitForAsync(r => Last(r, linkState) == "1", "the centre's bridge to connect again");
            back.Stop();
            var atRestart = loads.Select(l => l.Acknowledged).ToArray();
            await Task.WhenAll(loads.Select((l, i) => l.WhenAcknowledgedAsync(atRestart[i] + 1000)));
            await Task.WhenAll(loads.Select(l => l.StopAsync()));

            var total = loads.Sum(l => l.Acknowledged);
            await platform.WaitForAsync(r => r.Count >= total && Unique(r) == total, $"all {total} events at the centre", TimeSpan.FromMinutes(2));
            await hallServer.WaitForAsync(r => r.Count(m => m.Topic.Contains("/event/", StringComparison.Ordinal)) >= total, $"all {total} events at the hall server");

            output.WriteLine($"outage: central broker down {outage.Elapsed.TotalSeconds:0.0} s under load ({string.Join("/", duringOutage)} events of {string.Join("/", Loaders)} queued by the hall broker meanwhile); its bridge into the hall was back {back.Elapsed.TotalSeconds:0.0} s after the start");
            foreach (var load in loads)
            {
                AssertEveryEventFirstDeliveredInSeqOrder(load, platform.Received, "centre");
                AssertEveryEventFirstDeliveredInSeqOrder(load, hallServer.Received, "hall server");
            }
        }
        finally
        {
            foreach (var load in loads)
            {
                await load.DisposeAsync();
            }
        }
    }

    private void AssertEveryEventFirstDeliveredInSeqOrder(LoadTerminal load, IReadOnlyList<MqttApplicationMessage> received, string where)
    {
        var mine = received.Where(m => m.Topic == $"eval/v1/{HallPki.Hall}/{load.TerminalId}/event/rating").ToList();
        var first = new Dictionary<string, ReadOnlyMemory<byte>>();
        var firstSeqs = new List<long>();
        foreach (var message in mine)
        {
            using var doc = JsonDocument.Parse(message.Payload);
            var id = doc.RootElement.GetProperty("id").GetString()!;
            if (first.TryGetValue(id, out var earlier))
            {
                Assert.True(earlier.Span.SequenceEqual(message.Payload.Span), $"{where}: {id} redelivered with other content");
                continue;
            }

            first[id] = message.Payload;
            firstSeqs.Add(doc.RootElement.GetProperty("seq").GetInt64());
            Assert.Equal(load.Ids[firstSeqs[^1]], id);
        }

        var expected = Enumerable.Range(1, (int)load.Acknowledged).Select(i => (long)i).ToList();
        if (!expected.SequenceEqual(firstSeqs))
        {
            var at = expected.Zip(firstSeqs).TakeWhile(p => p.First == p.Second).Count();
            var arrivals = mine.Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("seq").GetInt64()).ToList();
            var raw = arrivals.IndexOf(firstSeqs.ElementAtOrDefault(at));
            Assert.Fail($"{where}: {load.TerminalId}'s first deliveries are not seq 1..{load.Acknowledged} in order; from index {at}: {string.Join(",", firstSeqs.Skip(Math.Max(0, at - 5)).Take(30))}; deliveries around it: {string.Join(",", arrivals.Skip(Math.Max(0, raw - 30)).Take(80))}");
        }

        output.WriteLine($"{where,-11} {load.TerminalId}: published {load.Acknowledged}, delivered {mine.Count}, unique ids {first.Count}, redelivered {mine.Count - first.Count}");
    }

    private static string? Last(IReadOnlyList<MqttApplicationMessage> received, string topic) =>
        received.LastOrDefault(m => m.Topic == topic) is { } m ? System.Text.Encoding.UTF8.GetString(m.Payload.Span) : null;

    private static int Unique(IReadOnlyList<MqttApplicationMessage> received) =>
        received.Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("id").GetString()).Distinct().Count();
}
