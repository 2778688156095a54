using System.Text;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// Terminal T-0001, provisioned with its hall-pki files, through the shipped ACL'd hall broker:
/// everything SPEC §5 has it say and hear works, and the broker refuses none of it.
/// </summary>
[Collection(HallBrokerCollection.Name)]
public sealed class TerminalThroughHallBrokerTests(HallPki pki)
{
    private const string Root = HallScene.Root;

    [Fact]
    public async Task T0001_EventsStatusCommandsAndRoster_AllFlow_AndTheBrokerRefusesNothing()
    {
        using var broker = ShippedBrokers.Hall(pki);
        await using var hall = await MqttPeer.ConnectAsync(broker.Uri, pki.HallServer, [$"eval/v1/{HallPki.Hall}/#"]);
        Assert.Empty(hall.Client.RefusedSubscriptions);
        Assert.True(await hall.PublishAsync($"eval/v1/{HallPki.Hall}/roster", HallScene.Roster, retain: true) < 0x80);

        using var terminal = await HallTerminal.StartAsync(pki, broker, "T-0001");

        // Status (birth, retained) and the roster (retained, per hall).
        await hall.WaitForAsync($"{Root}/status", "\"online\"");
        await terminal.Process.WaitForLineAsync(l => l.Contains("Roster version 17 cached", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the roster to be cached");

        // A command to the terminal from the queue system (a second hall-server program, connected
        // beside the hall server), answered under the terminal's root (the only replies it may publish).
        await using (var queue = await MqttPeer.ConnectAsync(broker.Uri, pki.QueueSystem, [$"{Root}/reply/#"]))
        {
            Assert.True(await queue.PublishAsync($"{Root}/cmd/session.open", """{"caseNo":"C-1"}""", responseTopic: $"{Root}/reply/1", correlation: "c-1") < 0x80);
            var reply = await queue.WaitForAsync($"{Root}/reply/1", "\"ok\":true");
            Assert.Equal("c-1", Encoding.UTF8.GetString(reply.CorrelationData!.Value.Span));
            Assert.Equal(0, hall.Disconnections);
        }

        // Events: a rating in that session, an attendance by a roster card.
        await terminal.CtlJsonAsync("sim", "press", "5");
        await hall.WaitForAsync($"{Root}/event/rating", "C-1");
        await terminal.CtlJsonAsync("sim", "badge", "34567", "--facility", "12");
        await hall.WaitForAsync($"{Root}/event/attendance", "S-1034");

        // A hall-wide command reaches it too.
        Assert.True(await hall.PublishAsync($"eval/v1/{HallPki.Hall}/cmd/status.get", "{}", responseTopic: $"{Root}/reply/2", correlation: "c-2") < 0x80);
        await hall.WaitForAsync($"{Root}/reply/2", "\"ok\":true");

        // Its subscriptions and publications fit the ACL exactly: nothing was refused.
        Assert.DoesNotContain(terminal.Process.Lines(), l => l.Contains("refused", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ReplyOutsideTheTerminalsRoot_IsRefused_AndTheTerminalSaysSo()
    {
        using var broker = ShippedBrokers.Hall(pki);
        await using var hall = await MqttPeer.ConnectAsync(broker.Uri, pki.HallServer, [$"eval/v1/{HallPki.Hall}/#"]);
        using var terminal = await HallTerminal.StartAsync(pki, broker, "T-0001");
        await hall.WaitForAsync($"{Root}/status", "\"online\"");

        Assert.True(await hall.PublishAsync($"{Root}/cmd/status.get", "{}", responseTopic: $"eval/v1/{HallPki.Hall}/replies/x", correlation: "c-3") < 0x80);

        var line = await terminal.Process.WaitForLineAsync(l => l.Contains("Could not send the reply", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the refused reply to be logged");
        Assert.Contains($"eval/v1/{HallPki.Hall}/replies/x", line, StringComparison.Ordinal);
        Assert.Contains("0x87 not authorized", line, StringComparison.Ordinal);
        Assert.DoesNotContain(hall.Received, m => m.Topic.EndsWith("/replies/x", StringComparison.Ordinal));
    }
}
