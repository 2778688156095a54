namespace Terminal.Mqtt.Diagnostics;

/// <summary>A time without a broker: since when, what ended it (if a connection was lost), what failed since.</summary>
internal sealed class Outage(DateTimeOffset since, Uri? lostBroker, MqttFailure? lostBecause)
{
    private readonly List<(string Broker, MqttFailure Failure)> _round = [];
    private readonly List<(string Broker, MqttFailure Failure)> _lastPerBroker = [];

    public DateTimeOffset Since { get; } = since;

    /// <summary>The broker whose connection was lost, when the outage began that way.</summary>
    public Uri? LostBroker { get; } = lostBroker;

    public MqttFailure? LostBecause { get; } = lostBecause;

    public int FailedAttempts { get; private set; }

    public MqttFailure? LastFailure { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Set once the outage has been logged; the summaries follow this schedule.</summary>
    public SummarySchedule? Summaries { get; set; }

    /// <summary>Each broker's latest failure, in the order the brokers were first tried.</summary>
    public IReadOnlyList<(string Broker, MqttFailure Failure)> LastPerBroker => _lastPerBroker;

    public void Failed(string broker, MqttFailure failure)
    {
        FailedAttempts++;
        LastFailure = failure;
        _round.Add((broker, failure));
        var index = _lastPerBroker.FindIndex(f => f.Broker == broker);
        if (index >= 0)
        {
            _lastPerBroker[index] = (broker, failure);
        }
        else
        {
            _lastPerBroker.Add((broker, failure));
        }
    }

    /// <summary>The failures of the round that just ended (one per broker tried); the next round starts empty.</summary>
    public IReadOnlyList<(string Broker, MqttFailure Failure)> EndRound()
    {
        var round = _round.ToList();
        _round.Clear();
        return round;
    }
}
