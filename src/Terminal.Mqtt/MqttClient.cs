using Microsoft.Extensions.Logging;
using Terminal.Mqtt.Packets;
using Terminal.Mqtt.Session;
using Terminal.Mqtt.Transport;

namespace Terminal.Mqtt;

/// <summary>
/// The MQTT 3.1.1/5.0 client of the terminal (see <see cref="IMqttClient"/>): one background loop
/// connects to the brokers in order, runs a connection until it ends, backs off with full jitter
/// and tries again; publishes wait in one ordered queue that outlives connections.
/// </summary>
/// <example>
/// <code>
/// await using var client = new MqttClient(options, TimeProvider.System, logger);
/// client.ConnectedHandler = (ctx, ct) => client.PublishAsync(birth, ct);
/// client.Start();
/// var result = await client.PublishAsync(new MqttApplicationMessage(topic, payload), ct); // at PUBACK
/// await client.StopAsync(ct);
/// </code>
/// </example>
public sealed class MqttClient : IMqttClient
{
    private readonly MqttClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttClient> _logger;
    private readonly PublishQueue _queue = new();
    private readonly AsyncLocal<bool> _inConnectedHandler = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task _loop = Task.CompletedTask;
    private bool _started;
    private bool _stopped;

    /// <summary>Creates a stopped client; the options are checked now.</summary>
    /// <exception cref="ArgumentException">Invalid options: plain TCP without <see cref="MqttClientOptions.AllowInsecure"/>, unreadable TLS files…</exception>
    public MqttClient(MqttClientOptions options, TimeProvider timeProvider, ILogger<MqttClient> logger)
    {
        ClientOptionsCheck.Validate(options);
        _options = options;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc/>
    public MqttConnectionState State { get; private set; }

    /// <inheritdoc/>
    public event EventHandler<MqttConnectionStateChangedEventArgs>? StateChanged;

    /// <inheritdoc/>
    public Func<MqttConnectedContext, CancellationToken, Task>? ConnectedHandler { get; set; }

    /// <inheritdoc/>
    public Func<MqttApplicationMessage, CancellationToken, Task>? MessageHandler { get; set; }

    /// <summary>
    /// Raised for each filter the broker refused in its SUBACK (also logged as an error): the client
    /// stays connected, and nothing arrives on that filter.
    /// </summary>
    public event EventHandler<MqttSubscriptionRefusedEventArgs>? SubscriptionRefused;

    /// <summary>The filters the last SUBACK refused (empty when all were granted; kept while a resumed session reuses them).</summary>
    public IReadOnlyList<MqttSubscriptionRefusedEventArgs> RefusedSubscriptions { get; private set; } = [];

    /// <summary>Publishes accepted and not yet acknowledged (or written, for QoS 0).</summary>
    public int PendingPublishes => _queue.Count;

    /// <summary>The most QoS 1 publishes that were ever unacknowledged at once (never above Receive Maximum).</summary>
    internal int InFlightHighWater => _queue.InFlightHighWater;

    /// <inheritdoc/>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_started)
            {
                return;
            }

            _started = true;
            _loop = Task.Run(() => RunAsync(_stopping.Token));
        }
    }

    /// <inheritdoc/>
    public Task<MqttPublishResult> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (MqttStrings.TopicNameProblem(message.Topic) is { } problem)
        {
            throw new ArgumentException($"Topic name '{message.Topic}' {problem} (MQTT 5 §3.3.2.1).", nameof(message));
        }

        if (_stopped)
        {
            return Task.FromException<MqttPublishResult>(new ObjectDisposedException(nameof(MqttClient)));
        }

        var publish = new OutgoingPublish(message, _inConnectedHandler.Value);
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                _queue.TryCancel(publish);
                publish.Completion.TrySetCanceled(cancellationToken);
            });
            publish.Completion.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        _queue.Enqueue(publish);
        return publish.Completion.Task;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        // The connection, if any, sends DISCONNECT when this is cancelled (see RunConnectionAsync).
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var publish in _queue.Clear())
        {
            publish.Completion.TrySetCanceled(CancellationToken.None);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectMinDelay, _options.ReconnectMaxDelay, Random.Shared);
        while (!stopping.IsCancellationRequested)
        {
            var connectedFor = TimeSpan.Zero;
            for (var index = 0; index < _options.Brokers.Count && !stopping.IsCancellationRequested; index++)
            {
                var broker = _options.Brokers[index];
                var connection = await TryConnectAsync(broker, stopping).ConfigureAwait(false);
                if (connection is null)
                {
                    continue;
                }

                var since = _time.GetTimestamp();
                await RunConnectionAsync(connection, index, stopping).ConfigureAwait(false);
                connectedFor = _time.GetElapsedTime(since);
                break;
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            // A connection that lived through a keep-alive was healthy: start the backoff over.
            if (connectedFor > TimeSpan.Zero && connectedFor >= _options.KeepAlive)
            {
                backoff.Reset();
            }

            var delay = backoff.Next();
            _logger.LogDebug("MQTT reconnecting in {Delay}", delay);
            try
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<BrokerConnection?> TryConnectAsync(Uri broker, CancellationToken stopping)
    {
        SetState(MqttConnectionState.Connecting, broker, null);
        try
        {
            var credentials = BrokerTransport.IsTls(broker) ? TlsCredentials.Load(_options.Tls) : TlsCredentials.Load(null);
            return await BrokerConnection.OpenAsync(broker, _options, credentials, _queue, _time, _logger, stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttConnectException or ArgumentException)
        {
            _logger.LogWarning("MQTT connection to {Broker} failed: {Reason}", broker, e.Message);
            SetState(MqttConnectionState.Disconnected, broker, e.Message);
            return null;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            SetState(MqttConnectionState.Disconnected, broker, null);
            return null;
        }
    }

    private async Task RunConnectionAsync(BrokerConnection connection, int brokerIndex, CancellationToken stopping)
    {
        _queue.Rewind(connection.SessionPresent, connection.ReceiveMaximum);
        connection.Start(MessageHandler);
        try
        {
            await SubscribeAsync(connection).ConfigureAwait(false);
            _logger.LogInformation(
                "MQTT connected to {Broker} ({Protocol}, session {Session}, receive maximum {ReceiveMaximum})",
                connection.Broker, connection.Protocol, connection.SessionPresent ? "resumed" : "new", connection.ReceiveMaximum);
            SetState(MqttConnectionState.Connected, connection.Broker, null);
            _ = RunConnectedHandlerAsync(connection);
            if (brokerIndex > 0)
            {
                _ = FailbackAsync(connection);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            connection.Close($"SUBSCRIBE not acknowledged: {e.Message}");
        }

        string reason;
        using (stopping.Register(() => _ = DisconnectQuietlyAsync(connection)))
        {
            reason = await connection.Ended.ConfigureAwait(false);
        }

        _queue.Hold();
        await connection.DisposeAsync().ConfigureAwait(false);
        if (!stopping.IsCancellationRequested)
        {
            _logger.LogWarning("MQTT connection to {Broker} ended: {Reason}", connection.Broker, reason);
        }

        SetState(MqttConnectionState.Disconnected, connection.Broker, reason);
    }

    private async Task DisconnectQuietlyAsync(BrokerConnection connection)
    {
        try
        {
            await connection.DisconnectAsync("stopped").ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            connection.Close("stopped: DISCONNECT could not be written in time");
        }
    }

    private async Task SubscribeAsync(BrokerConnection connection)
    {
        // MQTT 5 §3.2.2.1.1: with the session present the broker still holds our subscriptions.
        if (connection.SessionPresent || _options.Subscriptions.Count == 0)
        {
            return;
        }

        var ack = await connection.SubscribeAsync(_options.Subscriptions, connection.Closing).ConfigureAwait(false);
        var refused = SubscriptionRefusals.Find(connection.Broker, _options.Subscriptions, ack, connection.Protocol);
        RefusedSubscriptions = refused;
        foreach (var refusal in refused)
        {
            _logger.LogError(
                "MQTT broker {Broker} refused the subscription to {Filter}: {Reason}; nothing will arrive on it (does the broker's ACL grant it to this client's identity?)",
                refusal.Broker, refusal.TopicFilter, refusal.Reason);
            SubscriptionRefused?.Invoke(this, refusal);
        }
    }

    private async Task RunConnectedHandlerAsync(BrokerConnection connection)
    {
        try
        {
            if (ConnectedHandler is { } handler)
            {
                var context = new MqttConnectedContext(connection.Broker, connection.SessionPresent, connection.Protocol);
                await Task.Run(
                    () =>
                    {
                        // Publishes made from the handler go before the queue (the birth status first).
                        _inConnectedHandler.Value = true;
                        return handler(context, connection.Closing);
                    },
                    connection.Closing).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (connection.Closing.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "MQTT connected handler failed");
        }

        if (!connection.Closing.IsCancellationRequested)
        {
            _queue.Release();
        }
    }

    private async Task FailbackAsync(BrokerConnection connection)
    {
        var preferred = _options.Brokers[0];
        try
        {
            while (true)
            {
                await Task.Delay(_options.FailbackInterval, _time, connection.Closing).ConfigureAwait(false);
                if (await BrokerProbe.AcceptsAsync(preferred, _options.ConnectTimeout, _time, connection.Closing).ConfigureAwait(false))
                {
                    _logger.LogInformation("MQTT broker {Broker} is back: failing back from {Current}", preferred, connection.Broker);
                    await connection.DisconnectAsync($"failing back to {preferred}").ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended on its own.
        }
    }

    private void SetState(MqttConnectionState state, Uri? broker, string? error)
    {
        State = state;
        StateChanged?.Invoke(this, new MqttConnectionStateChangedEventArgs(state, broker, error));
    }
}
