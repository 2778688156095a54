using Microsoft.Extensions.Hosting;
using Terminal.Mqtt;

namespace Terminal.Host.SelfTest;

/// <summary>
/// Remembers which broker the client last talked to and why the connection last failed; the
/// client itself only tells its current state. Registered as a hosted service so it subscribes
/// before the connection starts.
/// </summary>
internal sealed class BrokerWatch : IHostedService, IDisposable
{
    private readonly IMqttClient _mqtt;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Uri? _broker;
    private string? _lastError;
    private DateTimeOffset? _since;

    public BrokerWatch(IMqttClient mqtt, TimeProvider time)
    {
        _mqtt = mqtt;
        _time = time;
        mqtt.StateChanged += OnStateChanged;
    }

    /// <summary>Current state, broker last seen, last error, time of the last change.</summary>
    public (MqttConnectionState State, Uri? Broker, string? LastError, DateTimeOffset? Since) Current()
    {
        lock (_gate)
        {
            return (_mqtt.State, _broker, _lastError, _since);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _mqtt.StateChanged -= OnStateChanged;

    private void OnStateChanged(object? sender, MqttConnectionStateChangedEventArgs change)
    {
        lock (_gate)
        {
            _broker = change.Broker ?? _broker;
            _lastError = string.IsNullOrEmpty(change.Error) ? _lastError : change.Error;
            _since = _time.GetUtcNow();
        }
    }
}
