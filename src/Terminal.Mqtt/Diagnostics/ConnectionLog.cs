using Microsoft.Extensions.Logging;

namespace Terminal.Mqtt.Diagnostics;

/// <summary>
/// The connection's story for an engineer reading the journal, from the client's state changes: one
/// line when no broker can be reached (the brokers and the causes), a summary at growing intervals
/// while that lasts (<see cref="SummarySchedule"/>), one line when connected again (how long it was
/// away). A lost connection that comes back within one round of attempts is one line, too. It also
/// keeps the <see cref="Current"/> picture for status displays.
/// </summary>
/// <example>
/// <code>
/// using var log = new ConnectionLog(client, TimeProvider.System, loggerFactory.CreateLogger&lt;ConnectionLog&gt;());
/// client.Start();   // subscribe first: the first attempt is part of the story
/// </code>
/// </example>
public sealed partial class ConnectionLog : IDisposable
{
    private readonly IMqttClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectionLog> _logger;
    private readonly Lock _gate = new();
    private ConnectionReport _current = ConnectionReport.NotStarted;
    private Outage? _outage;
    private DateTimeOffset? _connectedSince;

    /// <summary>Starts listening to <paramref name="client"/>'s state changes.</summary>
    public ConnectionLog(IMqttClient client, TimeProvider time, ILogger<ConnectionLog> logger)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        client.StateChanged += OnStateChanged;
    }

    /// <summary>The connection now: state, broker, since when, and the last failure while not connected.</summary>
    public ConnectionReport Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _client.StateChanged -= OnStateChanged;

    private void OnStateChanged(object? sender, MqttConnectionStateChangedEventArgs change)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            switch (change.State)
            {
                case MqttConnectionState.Connecting:
                    _outage ??= new Outage(now, null, null);
                    break;
                case MqttConnectionState.Connected:
                    OnConnected(change, now);
                    break;
                default:
                    OnDisconnected(change, now);
                    break;
            }

            _current = _outage is { } outage
                ? new ConnectionReport(change.State, change.Broker ?? _current.Broker, outage.Since, outage.LastFailure ?? outage.LostBecause, outage.FailedAttempts, outage.NextAttemptAt)
                : new ConnectionReport(change.State, change.Broker ?? _current.Broker, change.State == MqttConnectionState.Connected ? _connectedSince : now, null, 0, null);
        }
    }

    private void OnConnected(MqttConnectionStateChangedEventArgs change, DateTimeOffset now)
    {
        var broker = change.Broker?.ToString() ?? "?";
        var protocol = change.Session?.Protocol == MqttProtocol.V311 ? "MQTT 3.1.1" : "MQTT 5";
        var session = change.Session?.SessionPresent == true ? "resumed" : "new";
        var outage = _outage;
        _outage = null;
        _connectedSince = now;
        if (outage is null || (outage.FailedAttempts == 0 && outage.LostBecause is null))
        {
            LogConnected(broker, protocol, session);
        }
        else if (outage.Summaries is not null)
        {
            LogConnectedAgain(broker, protocol, session, DurationText.Format(now - outage.Since), outage.FailedAttempts, DurationText.Utc(outage.Since));
        }
        else
        {
            var lost = outage.LostBecause is { } because ? $"the connection to {outage.LostBroker} was lost ({because.Description})" : "at start";
            var failed = outage.LastPerBroker.Count == 0 ? string.Empty : $"; failed meanwhile: {Describe(outage.LastPerBroker)}";
            LogConnectedAfterGap(broker, protocol, session, DurationText.Format(now - outage.Since), lost + failed);
        }
    }

    private void OnDisconnected(MqttConnectionStateChangedEventArgs change, DateTimeOffset now)
    {
        if (change.Failure is not { } failure)
        {
            // Stopped on request: nothing went wrong.
            _outage = null;
            _connectedSince = null;
            return;
        }

        Outage outage;
        if (_connectedSince is not null)
        {
            // A connection that was up ended: the outage starts now, with why it ended.
            outage = _outage = new Outage(now, change.Broker, failure);
            _connectedSince = null;
        }
        else
        {
            outage = _outage ??= new Outage(now, null, null);
            outage.Failed(change.Broker?.ToString() ?? "-", failure);
        }

        if (change.RetryIn is not { } retryIn)
        {
            return;
        }

        outage.NextAttemptAt = now + retryIn;
        var round = outage.EndRound();
        if (round.Count == 0)
        {
            return;
        }

        if (outage.Summaries is null)
        {
            outage.Summaries = new SummarySchedule(now);
            if (outage.LostBecause is { } because)
            {
                LogLostAndCannotConnect(outage.LostBroker?.ToString() ?? "?", because.Description, Describe(round), DurationText.Format(retryIn));
            }
            else
            {
                LogCannotConnect(Describe(round), DurationText.Format(retryIn));
            }
        }
        else if (outage.Summaries.TakeDue(now))
        {
            LogStillCannotConnect(DurationText.Format(now - outage.Since), outage.FailedAttempts, DurationText.Utc(outage.Since), Describe(outage.LastPerBroker), DurationText.Format(retryIn));
        }
    }

    private static string Describe(IEnumerable<(string Broker, MqttFailure Failure)> failures) =>
        string.Join("; ", failures.Select(f => $"{f.Broker} ({f.Failure.Code}): {f.Failure.Description}"));
}
