using System.Text;
using System.Text.Json;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// The shipped bridge from the hall broker to the shipped central broker: the centre hears every
/// event of terminal T-0001 exactly as the hall server does, and its commands and roster reach the
/// terminal, whose replies come back.
/// </summary>
[Collection(HallBrokerCollection.Name)]
public sealed class BridgeTests(HallPki pki)
{
    private const string Root = HallScene.Root;

    [Fact]
    public async Task CentralSubscriber_ReceivesEveryEventOfTheTerminal_AndTheCentresCommandsAndRosterReachIt()
    {
        using var hall = ShippedBrokers.Hall(pki);
        await using var hallServer = await MqttPeer.ConnectAsync(hall.Uri, pki.HallServer, [$"eval/v1/{HallPki.Hall}/#"]);
        using var central = ShippedBrokers.Central(pki, hall);
        await using var platform = await MqttPeer.ConnectAsync(central.Uri, pki.Platform, ["eval/v1/#", "$SYS/broker/connection/#"]);
        Assert.Empty(platform.Client.RefusedSubscriptions);
        await platform.WaitForAsync($"$SYS/broker/connection/bridge.{HallPki.Hall}/state", "1");
        using var terminal = await HallTerminal.StartAsync(pki, hall, "T-0001");
        await platform.WaitForAsync($"{Root}/status", "\"online\"");

        // The centre's roster and command travel to the hall over the bridge, the reply back. The
        // bridge is MQTT 3.1.1, so the command asks for its reply in the payload (SPEC §5.4).
        Assert.True(await platform.PublishAsync($"eval/v1/{HallPki.Hall}/roster", HallScene.Roster, retain: true) < 0x80);
        await terminal.Process.WaitForLineAsync(l => l.Contains("Roster version 17 cached", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the centre's roster to be cached");
        Assert.True(await platform.PublishAsync($"{Root}/cmd/session.open", $$"""{"replyTo":"{{Root}}/reply/centre-1","id":"centre-1","caseNo":"C-CENTRE"}""") < 0x80);
        await platform.WaitForAsync($"{Root}/reply/centre-1", "\"id\":\"centre-1\",\"ok\":true");

        var committed = new List<JsonElement>();
        foreach (var key in new[] { "5", "1", "3" })
        {
            committed.AddRange(await terminal.CtlJsonAsync("sim", "press", key));
        }

        committed.AddRange(await terminal.CtlJsonAsync("sim", "badge", "34567", "--facility", "12"));
        var ids = committed.Select(e => e.GetProperty("id").GetString()!).ToHashSet();

        // Everything the hall server heard of T-0001 (the presses, the badge, the session the centre
        // opened) reaches the centre, in the same order.
        var atHall = Events(await hallServer.WaitForAsync(r => ids.IsSubsetOf(Events(r).Select(e => e.Id)), $"{ids.Count} events at the hall server"));
        var heard = atHall.Select(e => e.Id).ToHashSet();
        var atCentre = Events(await platform.WaitForAsync(r => heard.IsSubsetOf(Events(r).Select(e => e.Id)), $"{heard.Count} events at the centre"))
            .Where(e => heard.Contains(e.Id)).ToList();
        Assert.Equal(atHall, atCentre);
        Assert.Equal(atCentre.Select(e => e.Seq).Order(), atCentre.Select(e => e.Seq));
        Assert.Contains(platform.Received, m => m.Topic == $"{Root}/event/rating" && Encoding.UTF8.GetString(m.Payload.Span).Contains("C-CENTRE", StringComparison.Ordinal));
        Assert.DoesNotContain(terminal.Process.Lines(), l => l.Contains("refused", StringComparison.OrdinalIgnoreCase));
    }

    private static List<(string Id, long Seq)> Events(IEnumerable<Terminal.Mqtt.MqttApplicationMessage> received) =>
        [.. received.Where(m => m.Topic.StartsWith($"{Root}/event/", StringComparison.Ordinal)).Select(m =>
        {
            using var doc = JsonDocument.Parse(m.Payload);
            return (doc.RootElement.GetProperty("id").GetString()!, doc.RootElement.GetProperty("seq").GetInt64());
        })];
}
