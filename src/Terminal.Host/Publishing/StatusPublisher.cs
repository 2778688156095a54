using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Terminal.Core.Identity;
using Terminal.Host.Pipeline;
using Terminal.Host.Systemd;
using Terminal.Mqtt;

namespace Terminal.Host.Publishing;

/// <summary>
/// Publishes the retained status (SPEC §5.3): on connect (birth), at once when the window state
/// changes, and at most every 60 s while anything else in it changed.
/// </summary>
internal sealed class StatusPublisher(
    StatusReporter reporter,
    IMqttClient mqtt,
    TerminalLoop loop,
    TerminalIdentity identity,
    WorkerHeartbeats heartbeats,
    TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _changed = new(0, 1);
    private string? _lastWindowState;

    /// <summary>Topic of the retained status.</summary>
    public string Topic => $"{identity.TopicRoot}/status";

    /// <summary>The retained status message for <paramref name="document"/>.</summary>
    public MqttApplicationMessage Message(StatusDocument document) =>
        new(Topic, document.ToUtf8()) { Qos = MqttQos.AtLeastOnce, Retain = true, ContentType = "application/json" };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        loop.Processed += OnProcessed;
        using var heartbeat = heartbeats.Register("status");
        try
        {
            var published = Snapshot();
            var publishedAt = time.GetTimestamp();
            while (!stoppingToken.IsCancellationRequested)
            {
                heartbeat.Beat();
                var windowChanged = await _changed.WaitAsync(heartbeats.BeatInterval, time, stoppingToken).ConfigureAwait(false);
                var now = Snapshot();
                if (windowChanged || (now != published && time.GetElapsedTime(publishedAt) >= Period))
                {
                    // Fire and forget: while the broker is away the publish waits in the client, and
                    // the heartbeat must go on.
                    PublishAsync(stoppingToken).Forget();
                    published = now;
                    publishedAt = time.GetTimestamp();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            loop.Processed -= OnProcessed;
        }
    }

    /// <summary>Publishes the status now (birth on connect, and before a requested stop).</summary>
    public Task PublishAsync(CancellationToken cancellationToken, string state = "online") =>
        mqtt.PublishAsync(Message(reporter.Current(state)), cancellationToken);

    private string Snapshot()
    {
        var doc = reporter.Current();
        return $"{doc.Window}|{doc.Buffer}|{string.Join(',', doc.Faults)}|{doc.ClockSynced}";
    }

    private void OnProcessed(InputProcessed processed)
    {
        var state = loop.Window.Status.ToString();
        if (state != _lastWindowState)
        {
            _lastWindowState = state;
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
    }
}

internal static class SemaphoreWaits
{
    /// <summary>Waits for the semaphore or for <paramref name="timeout"/> on <paramref name="time"/>.</summary>
    public static async Task<bool> WaitAsync(this SemaphoreSlim semaphore, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var delay = new CancellationTokenSource(timeout, time);
        using var link = delay.Token.Register(timer.Cancel);
        try
        {
            await semaphore.WaitAsync(timer.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
