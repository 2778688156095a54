using Microsoft.Extensions.Logging;
using Terminal.Mqtt.Diagnostics;
using Terminal.Mqtt.Tests.Support;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Time;
using Xunit.Abstractions;

namespace Terminal.Mqtt.Tests.Diagnostics;

// A real Mosquitto stopped for ten minutes of a fake clock, with the real client's backoff: what an
// engineer finds in the journal afterwards (the client's own lines and the connection log's).
public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task BrokerDownTenMinutes_LeavesAtMostTenLines_NamingBrokerCauseAndTimeAway()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        var time = new FakeTimeProvider();
        var clientLines = new RecordingLogger<MqttClient>();
        var logLines = new RecordingLogger<ConnectionLog>();
        // The production backoff (0.5 s doubling to 60 s), not the tests' quick one.
        var options = TestClients.Options(broker.Uri, "outage") with { ReconnectMinDelay = TimeSpan.FromMilliseconds(500), ReconnectMaxDelay = TimeSpan.FromSeconds(60) };
        await using var client = new MqttClient(options, time, clientLines);
        using var log = new ConnectionLog(client, time, logLines);
        var states = new StateLog(client);
        client.Start();
        await TestClients.WaitConnectedAsync(client);

        broker.Stop();
        await states.WaitForAsync(c => c.State == MqttConnectionState.Disconnected, Settle);
        var down = time.GetUtcNow();
        while (time.GetUtcNow() - down < TimeSpan.FromMinutes(10))
        {
            await NextRoundAsync(log, states, client, time);
        }

        var whileDown = log.Current;
        broker.Start();
        while (client.State != MqttConnectionState.Connected)
        {
            Assert.True(time.GetUtcNow() - down < TimeSpan.FromMinutes(12), "reconnected within a backoff cap of the broker's return");
            await NextRoundAsync(log, states, client, time);
        }

        var lines = clientLines.Entries.Concat(logLines.Entries).Where(e => e.Level >= LogLevel.Information).Select(e => e.Text).ToList();
        output.WriteLine(string.Join('\n', lines));
        var attempts = states.Changes.Count(c => c.Change.State == MqttConnectionState.Connecting);
        Assert.True(attempts > 10, $"{attempts} attempts in the outage");
        Assert.InRange(lines.Count, 4, 11);
        var outage = lines.Skip(1).ToList(); // the first is the initial connect
        Assert.True(outage.Count <= 10, string.Join('\n', outage));
        Assert.StartsWith($"MQTT lost the connection to {broker.Uri} (the broker closed the connection) and cannot connect again: {broker.Uri} (unreachable): TCP connect to 127.0.0.1:{broker.Port} failed: nothing accepts connections there (connection refused)", outage[0], StringComparison.Ordinal);
        Assert.Contains(outage, l => l.StartsWith("MQTT still cannot connect after ", StringComparison.Ordinal) && l.Contains("Next attempt in", StringComparison.Ordinal));
        Assert.Matches(@"again after 1\d min \d+ s without a broker \(\d+ failed attempts since ", outage[^1]);
        Assert.Equal(MqttFailureCause.Unreachable, whileDown.Failure?.Cause);
        Assert.Equal(down, whileDown.Since);
    }

    /// <summary>
    /// Moves the fake clock to the client's next attempt and waits until that round has ended
    /// (failed with a new retry delay, or connected). Should the client register its delay only
    /// after the clock moved, one more second is given once it sits idle for a while.
    /// </summary>
    private static async Task NextRoundAsync(ConnectionLog log, StateLog states, MqttClient client, FakeTimeProvider time)
    {
        var seen = states.Changes.Count;
        if (log.Current.NextAttemptAt is { } next && next > time.GetUtcNow())
        {
            time.Advance(next - time.GetUtcNow());
        }

        var deadline = DateTime.UtcNow + Settle;
        var idleSince = DateTime.UtcNow;
        while (!states.Changes.Skip(seen).Any(c => c.Change.State == MqttConnectionState.Connected || c.Change.RetryIn is not null))
        {
            Assert.True(DateTime.UtcNow < deadline, "the round did not end: " + string.Join(" | ", states.Changes.Skip(seen).Select(c => c.Change.State)));
            if (client.State == MqttConnectionState.Connecting)
            {
                idleSince = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - idleSince > TimeSpan.FromSeconds(1))
            {
                time.Advance(TimeSpan.FromSeconds(1));
                idleSince = DateTime.UtcNow;
            }

            await Task.Yield();
            await Task.Delay(10);
        }
    }
}
