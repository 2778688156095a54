using Terminal.Core.Identity;
using Terminal.Host.Loop;
using Terminal.Host.Workers;
using Terminal.Mqtt;

namespace Terminal.Host.Outbound;

/// <summary>
/// Publishes the retained status (SPEC §5.3): on connect (birth, through <see cref="BrokerLink"/>),
/// at once when the window's staffing changes, and at most every 60 s while anything else in it changed.
/// </summary>
internal sealed class StatusPublisher(
    StatusReporter reporter,
    IMqttClient mqtt,
    SnapshotFeed snapshots,
    TerminalIdentity identity,
    WorkerSupport support) : SupervisedWorker("status", support)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _windowChanged = new(0, 1);
    private string _publishedSummary = string.Empty;
    private long _publishedAt;
    private Terminal.Core.Attendance.WindowStatus? _lastStatus;

    /// <summary>Topic of the retained status.</summary>
    public string Topic => $"{identity.TopicRoot}/status";

    /// <summary>The retained status message for <paramref name="document"/>.</summary>
    public MqttApplicationMessage Message(StatusDocument document) =>
        new(Topic, document.ToUtf8()) { Qos = MqttQos.AtLeastOnce, Retain = true, ContentType = "application/json" };

    /// <summary>Publishes the status now (birth on connect, and before a requested stop).</summary>
    public Task PublishAsync(CancellationToken cancellationToken, string state = "online") =>
        mqtt.PublishAsync(Message(reporter.Current(state)), cancellationToken);

    protected override Task StartingAsync(CancellationToken stoppingToken)
    {
        _lastStatus = snapshots.Current.Window.Status;
        snapshots.Published += OnPublished;
        _publishedSummary = Summary(reporter.Current());
        _publishedAt = Time.GetTimestamp();
        return Task.CompletedTask;
    }

    protected override async Task IterateAsync(CancellationToken stoppingToken)
    {
        var windowChanged = await _windowChanged.WaitAsync(BeatInterval, Time, stoppingToken).ConfigureAwait(false);
        var summary = Summary(reporter.Current());
        if (windowChanged || (summary != _publishedSummary && Time.GetElapsedTime(_publishedAt) >= Period))
        {
            // Fire and forget: while the broker is away the publish waits in the client, and the
            // heartbeat must go on.
            PublishAsync(stoppingToken).Forget();
            _publishedSummary = summary;
            _publishedAt = Time.GetTimestamp();
        }
    }

    protected override Task StoppedAsync()
    {
        snapshots.Published -= OnPublished;
        return Task.CompletedTask;
    }

    private static string Summary(StatusDocument doc) => $"{doc.Window}|{doc.Buffer}|{string.Join(',', doc.Faults)}|{doc.ClockSynced}";

    private void OnPublished(LoopSnapshot snapshot)
    {
        var status = snapshot.Window.Status;
        if (status != _lastStatus)
        {
            _lastStatus = status;
            if (_windowChanged.CurrentCount == 0)
            {
                _windowChanged.Release();
            }
        }
    }
}
