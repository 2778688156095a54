using Terminal.Mqtt;

namespace Terminal.Host.Tests.SelfTest.Fakes;

/// <summary>An MQTT client whose state the test sets.</summary>
internal sealed class FakeMqttClient : IMqttClient
{
    public event EventHandler<MqttConnectionStateChangedEventArgs>? StateChanged;

    public MqttConnectionState State { get; private set; } = MqttConnectionState.Disconnected;

    public Func<MqttConnectedContext, CancellationToken, Task>? ConnectedHandler { get; set; }

    public Func<MqttApplicationMessage, CancellationToken, Task>? MessageHandler { get; set; }

    public void Change(MqttConnectionState state, Uri? broker, string? error = null)
    {
        State = state;
        StateChanged?.Invoke(this, new MqttConnectionStateChangedEventArgs(state, broker, error));
    }

    public void Start()
    {
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<MqttPublishResult> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
