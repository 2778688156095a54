using Terminal.Mqtt;

namespace Terminal.TestUtils.Mqtt;

/// <summary>An MQTT client whose state the test sets and that records what is published (acknowledged at once).</summary>
public sealed class FakeMqttClient : IMqttClient
{
    private readonly List<MqttApplicationMessage> _published = [];
    private readonly SemaphoreSlim _publishedSignal = new(0);

    public event EventHandler<MqttConnectionStateChangedEventArgs>? StateChanged;

    public MqttConnectionState State { get; private set; } = MqttConnectionState.Disconnected;

    public Func<MqttConnectedContext, CancellationToken, Task>? ConnectedHandler { get; set; }

    public Func<MqttApplicationMessage, CancellationToken, Task>? MessageHandler { get; set; }

    /// <summary>Messages published so far, in order.</summary>
    public IReadOnlyList<MqttApplicationMessage> Published
    {
        get
        {
            lock (_published)
            {
                return [.. _published];
            }
        }
    }

    public void Change(MqttConnectionState state, Uri? broker, string? error = null)
    {
        State = state;
        StateChanged?.Invoke(this, new MqttConnectionStateChangedEventArgs(state, broker, error));
    }

    public void Start()
    {
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<MqttPublishResult> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        lock (_published)
        {
            _published.Add(message);
        }

        _publishedSignal.Release();
        return Task.FromResult(new MqttPublishResult(0));
    }

    /// <summary>The first message published to <paramref name="topic"/>, waiting for it up to <paramref name="deadline"/>; null if none came.</summary>
    public async Task<MqttApplicationMessage?> WaitForPublishAsync(string topic, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            if (Published.FirstOrDefault(m => m.Topic == topic) is { } found)
            {
                return found;
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _publishedSignal.WaitAsync(left).ConfigureAwait(false))
            {
                return Published.FirstOrDefault(m => m.Topic == topic);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _publishedSignal.Dispose();
        return ValueTask.CompletedTask;
    }
}
