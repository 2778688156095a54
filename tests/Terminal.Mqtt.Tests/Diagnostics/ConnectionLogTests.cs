using Microsoft.Extensions.Logging;
using Terminal.Mqtt.Diagnostics;
using Terminal.Mqtt.Tests.Support;
using Terminal.TestUtils.Mqtt;
using Terminal.TestUtils.Time;

namespace Terminal.Mqtt.Tests.Diagnostics;

// The summarising of state changes into lines, driven by a fake client and a fake clock.
public sealed class ConnectionLogTests : IDisposable
{
    private static readonly Uri Hall = new("mqtts://hall-a:8883");
    private static readonly Uri Standby = new("mqtts://hall-b:8883");
    private static readonly MqttFailure Refused = new(MqttFailureCause.Unreachable, "TCP connect to hall-a:8883 failed: nothing accepts connections there (connection refused)");
    private readonly FakeMqttClient _client = new();
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingLogger<ConnectionLog> _lines = new();
    private readonly ConnectionLog _log;

    public ConnectionLogTests() => _log = new ConnectionLog(_client, _time, _lines);

    public void Dispose() => _log.Dispose();

    [Fact]
    public void FirstConnection_IsOneInformationLine()
    {
        Connect(Hall);

        var line = Assert.Single(_lines.Entries);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("MQTT connected to mqtts://hall-a:8883/ (MQTT 5, session new)", line.Text);
        Assert.Equal(MqttConnectionState.Connected, _log.Current.State);
        Assert.Equal(_time.GetUtcNow(), _log.Current.Since);
    }

    [Fact]
    public void BrokerDownTenMinutes_LogsAtMostTenLines_NamingBrokerCauseAndHowLongItWasAway()
    {
        Connect(Hall);
        var before = _lines.Entries.Count;

        Lose(Hall, "the broker closed the connection", TimeSpan.FromSeconds(0.4));
        var rounds = RunOutage(TimeSpan.FromMinutes(10));
        Connect(Hall);

        var lines = _lines.Entries.Skip(before).ToList();
        Assert.True(lines.Count <= 10, $"{lines.Count} lines for {rounds} rounds:\n{string.Join('\n', lines.Select(l => l.Text))}");
        Assert.Equal(
            "MQTT lost the connection to mqtts://hall-a:8883/ (the broker closed the connection) and cannot connect again: "
            + "mqtts://hall-a:8883/ (unreachable): TCP connect to hall-a:8883 failed: nothing accepts connections there (connection refused). "
            + "Next attempt in 1.0 s; messages wait until then",
            lines[0].Text);
        Assert.Equal(LogLevel.Warning, lines[0].Level);
        var summaries = lines.Skip(1).SkipLast(1).ToList();
        Assert.InRange(summaries.Count, 2, 4);
        Assert.All(summaries, s => Assert.StartsWith("MQTT still cannot connect after ", s.Text, StringComparison.Ordinal));
        Assert.Contains("failed attempts since 2026-11-21 10:00:00Z); last errors: mqtts://hall-a:8883/ (unreachable): TCP connect", summaries[0].Text, StringComparison.Ordinal);
        Assert.Matches(@"^MQTT connected to mqtts://hall-a:8883/ \(MQTT 5, session new\) again after 10 min \d+ s without a broker \(\d+ failed attempts since 2026-11-21 10:00:00Z\)$", lines[^1].Text);
        Assert.True(rounds > 10, "the outage had many rounds of attempts");
    }

    [Fact]
    public void DayLongOutage_SummariesComeAtGrowingIntervals_CappedAtAnHour()
    {
        Connect(Hall);
        Lose(Hall, "keep-alive missed", TimeSpan.FromSeconds(0.4));
        var at = new List<DateTimeOffset>();
        var seen = _lines.Entries.Count;
        var end = _time.GetUtcNow() + TimeSpan.FromHours(24);
        while (_time.GetUtcNow() < end)
        {
            Round(Hall, Refused, TimeSpan.FromSeconds(60));
            if (_lines.Entries.Count > seen)
            {
                seen = _lines.Entries.Count;
                at.Add(_time.GetUtcNow());
            }
        }

        var gaps = at.Zip(at.Skip(1), (a, b) => b - a).ToList();
        Assert.InRange(at.Count, 20, 30);
        Assert.True(gaps.Zip(gaps.Skip(1)).All(g => g.Second >= g.First - TimeSpan.FromSeconds(61)), string.Join(", ", gaps));
        Assert.All(gaps, g => Assert.True(g <= TimeSpan.FromHours(1) + TimeSpan.FromSeconds(61), g.ToString()));
    }

    [Fact]
    public void ConnectionLostAndBackWithinARound_IsOneLineWithTheReason()
    {
        Connect(Hall);
        var before = _lines.Entries.Count;

        Lose(Hall, "the broker closed the connection", TimeSpan.FromSeconds(0.3));
        _time.Advance(TimeSpan.FromSeconds(0.3));
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Connecting, Hall, null));
        Connect(Hall);

        var line = Assert.Single(_lines.Entries.Skip(before));
        Assert.Equal(
            "MQTT connected to mqtts://hall-a:8883/ (MQTT 5, session new) after 0.3 s: the connection to mqtts://hall-a:8883/ was lost (the broker closed the connection)",
            line.Text);
    }

    [Fact]
    public void FirstBrokerFails_SecondConnects_IsOneLineNamingTheFailure()
    {
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Connecting, Hall, null));
        Fail(Hall, Refused, retryIn: null);
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Connecting, Standby, null));
        Connect(Standby);

        var line = Assert.Single(_lines.Entries);
        Assert.Equal(
            "MQTT connected to mqtts://hall-b:8883/ (MQTT 5, session new) after 0.0 s: at start; failed meanwhile: mqtts://hall-a:8883/ (unreachable): " + Refused.Description,
            line.Text);
    }

    [Fact]
    public void EveryBrokerFailsAtStart_OneLineNamesEachBrokerAndItsCause()
    {
        var certificate = new MqttFailure(MqttFailureCause.ClientCertificateRefused, "the broker refused this device's certificate 'CN=T-1'");
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Connecting, Hall, null));
        Fail(Hall, Refused, retryIn: null);
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Connecting, Standby, null));
        Fail(Standby, certificate, retryIn: TimeSpan.FromSeconds(2));

        var line = Assert.Single(_lines.Entries);
        Assert.Equal(
            $"MQTT cannot connect to a broker: mqtts://hall-a:8883/ (unreachable): {Refused.Description}; "
            + "mqtts://hall-b:8883/ (client-certificate-refused): the broker refused this device's certificate 'CN=T-1'. Next attempt in 2.0 s; messages wait until then",
            line.Text);
        var report = _log.Current;
        Assert.Equal(MqttConnectionState.Disconnected, report.State);
        Assert.Equal(Standby, report.Broker);
        Assert.Equal(certificate, report.Failure);
        Assert.Equal(2, report.FailedAttempts);
        Assert.Equal(_time.GetUtcNow(), report.Since);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(2), report.NextAttemptAt);
    }

    [Fact]
    public void StoppedOnRequest_LogsNothing_AndReportsNoFailure()
    {
        Connect(Hall);
        var before = _lines.Entries.Count;

        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Disconnected, Hall, "stopped"));

        Assert.Equal(before, _lines.Entries.Count);
        Assert.Equal(MqttConnectionState.Disconnected, _log.Current.State);
        Assert.Null(_log.Current.Failure);
    }

    private int RunOutage(TimeSpan length)
    {
        var end = _time.GetUtcNow() + length;
        var delay = TimeSpan.FromSeconds(0.4);
        var rounds = 0;
        while (_time.GetUtcNow() + delay < end)
        {
            // The client's backoff ceiling: 0.5 s doubling to 60 s (jitter left out).
            delay = TimeSpan.FromSeconds(Math.Min(60, 0.5 * Math.Pow(2, ++rounds)));
            Round(Hall, Refused, delay);
        }

        _time.Advance(end - _time.GetUtcNow());
        return rounds;
    }

    private void Round(Uri broker, MqttFailure failure, TimeSpan retryIn)
    {
        _time.Advance(_log.Current.NextAttemptAt is { } next && next > _time.GetUtcNow() ? next - _time.GetUtcNow() : TimeSpan.Zero);
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Connecting, broker, null));
        Fail(broker, failure, retryIn);
    }

    private void Fail(Uri broker, MqttFailure failure, TimeSpan? retryIn) =>
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Disconnected, broker, failure.Description) { Failure = failure, RetryIn = retryIn });

    private void Lose(Uri broker, string reason, TimeSpan retryIn) =>
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Disconnected, broker, reason)
        {
            Failure = new MqttFailure(MqttFailureCause.ConnectionLost, reason),
            RetryIn = retryIn,
        });

    private void Connect(Uri broker)
    {
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Connecting, broker, null));
        _client.Change(new MqttConnectionStateChangedEventArgs(MqttConnectionState.Connected, broker, null)
        {
            Session = new MqttConnectedContext(broker, SessionPresent: false, MqttProtocol.V500),
        });
    }
}
