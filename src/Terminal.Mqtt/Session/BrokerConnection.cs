using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Terminal.Mqtt.Diagnostics;
using Terminal.Mqtt.Packets;
using Terminal.Mqtt.Transport;

namespace Terminal.Mqtt.Session;

/// <summary>
/// One connection to one broker, from CONNACK until it ends: reads packets, writes the publish queue
/// under Receive Maximum, answers PUBLISH after the handler, keeps alive and detects a half-open
/// link. It ends once (the first error wins); <see cref="Ended"/> then holds the reason.
/// </summary>
internal sealed partial class BrokerConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly PacketStreamReader _reader;
    private readonly PacketStreamWriter _writer;
    private readonly PublishQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _requestTimeout;
    private readonly CancellationTokenSource _cts = new();
    private readonly ConcurrentDictionary<ushort, TaskCompletionSource<SubAckPacket>> _requests = new();
    private readonly Channel<PublishPacket> _incoming = Channel.CreateUnbounded<PublishPacket>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ReconnectBackoff _quotaBackoff;
    private string? _endReason;
    private long _lastReceived;
    private long _pingSentAt;
    private long _pausedUntil;

    private BrokerConnection(Uri broker, MqttClientOptions options, Stream stream, PacketStreamReader reader, PacketStreamWriter writer, ConnAckPacket connAck, PublishQueue queue, TimeProvider time, ILogger logger)
    {
        Broker = broker;
        Protocol = options.Protocol;
        _stream = stream;
        _reader = reader;
        _writer = writer;
        _queue = queue;
        _time = time;
        _logger = logger;
        _requestTimeout = options.ConnectTimeout;
        _quotaBackoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, Random.Shared);
        _lastReceived = time.GetTimestamp();
        var p = connAck.Properties;
        SessionPresent = connAck.SessionPresent;
        ReceiveMaximum = Math.Min(options.MaxInFlight, p.ReceiveMaximum ?? ushort.MaxValue);
        MaximumPacketSize = p.MaximumPacketSize ?? (VariableByteInteger.MaxValue + 5L);
        KeepAlive = p.ServerKeepAlive is { } serverKeepAlive ? TimeSpan.FromSeconds(serverKeepAlive) : TimeSpan.FromSeconds((ushort)options.KeepAlive.TotalSeconds);
    }

    public Uri Broker { get; }

    public MqttProtocol Protocol { get; }

    public bool SessionPresent { get; }

    /// <summary>Our bound on QoS 1 publishes in flight: the broker's Receive Maximum, capped by the options.</summary>
    public int ReceiveMaximum { get; }

    /// <summary>The broker's Maximum Packet Size (MQTT 5 §3.2.2.3.6), or the protocol limit.</summary>
    public long MaximumPacketSize { get; }

    /// <summary>The keep-alive in force: the broker's Server Keep Alive wins (MQTT 5 §3.2.2.3.14).</summary>
    public TimeSpan KeepAlive { get; }

    /// <summary>Cancelled when the connection ends.</summary>
    public CancellationToken Closing => _cts.Token;

    /// <summary>Completes with the reason once the connection has ended and all its loops have stopped.</summary>
    public Task<string> Ended => _ended.Task;

    /// <summary>TCP/TLS, CONNECT, CONNACK within the connect timeout.</summary>
    /// <exception cref="MqttConnectException">Unreachable, refused, timed out, or TLS failed; its failure names the cause.</exception>
    public static async Task<BrokerConnection> OpenAsync(Uri broker, MqttClientOptions options, TlsCredentials credentials, PublishQueue queue, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Stream? stream = null;
        try
        {
            // Composed first (the will tells the state as of this connect), then sent over a fresh transport.
            var connect = MqttPacketCodec.Encode(ConnectRequest.From(options), options.Protocol);
            stream = await BrokerTransport.ConnectAsync(broker, credentials, time, linked.Token).ConfigureAwait(false);
            var writer = new PacketStreamWriter(stream, time);
            await writer.WriteNowAsync(connect, linked.Token).ConfigureAwait(false);
            var reader = new PacketStreamReader(stream, options.Protocol, options.MaximumIncomingPacketSize);
            var first = await reader.ReadAsync(linked.Token).ConfigureAwait(false);
            if (first is null)
            {
                throw new MqttConnectException(BeforeConnAck(broker, credentials, null, time)
                    ?? new(MqttFailureCause.ConnectionLost, "the broker closed the connection before CONNACK"));
            }

            if (first is not ConnAckPacket connAck)
            {
                throw new MqttConnectException(new(MqttFailureCause.ProtocolError, $"expected CONNACK, got {first.Type}"));
            }

            if (connAck.ReasonCode != ReasonCodes.Success)
            {
                var why = connAck.Properties.ReasonString is { } reason ? $" ({reason})" : "";
                throw new MqttConnectException(new(MqttFailureCause.RefusedByBroker, $"the broker refused the connection: {ReasonCodes.Describe(connAck.ReasonCode, options.Protocol, connAck: true)}{why}"));
            }

            return new BrokerConnection(broker, options, stream, reader, writer, connAck, queue, time, logger);
        }
        catch (Exception e)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            if (e is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new MqttConnectException(
                    stream is null
                        ? new(MqttFailureCause.Unreachable, $"no answer from {broker.Host}:{BrokerTransport.PortOf(broker)} within {options.ConnectTimeout} (TCP connect or TLS handshake)")
                        : new(MqttFailureCause.Timeout, $"no CONNACK within {options.ConnectTimeout}"),
                    e);
            }

            if (e is IOException or MqttProtocolException)
            {
                var failure = BeforeConnAck(broker, credentials, e, time)
                    ?? (e is MqttProtocolException
                        ? new(MqttFailureCause.ProtocolError, $"the broker broke the protocol before CONNACK{ExceptionMessages.Bracketed(e)}")
                        : new(MqttFailureCause.ConnectionLost, $"the connection broke before CONNACK{ExceptionMessages.Bracketed(e)}"));
                throw new MqttConnectException(failure, e);
            }

            throw;
        }
    }

    /// <summary>On TLS, a failure between the handshake and CONNACK is how a broker refuses our certificate (TLS 1.3).</summary>
    private static MqttFailure? BeforeConnAck(Uri broker, TlsCredentials credentials, Exception? exception, TimeProvider time) =>
        BrokerTransport.IsTls(broker) ? TlsFailure.AfterHandshake(exception, credentials.ClientCertificate, time.GetUtcNow()) : null;

    /// <summary>Starts the loops; incoming messages go to <paramref name="messageHandler"/>, then are acknowledged.</summary>
    public void Start(Func<MqttApplicationMessage, CancellationToken, Task>? messageHandler)
    {
        var token = _cts.Token;
        var loops = new[]
        {
            Guard(_writer.RunAsync(token)),
            Guard(ReceiveLoopAsync(token)),
            Guard(SendLoopAsync(token)),
            Guard(KeepAliveLoopAsync(token)),
            Guard(DispatchLoopAsync(messageHandler, token)),
        };
        _ = FinishAsync(loops);
    }

    /// <summary>Subscribes and returns the SUBACK: its reason codes (granted QoS, or ≥ 0x80 refused) and reason string.</summary>
    public async Task<SubAckPacket> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken)
    {
        var id = _queue.AllocateId();
        var answer = new TaskCompletionSource<SubAckPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests[id] = answer;
        try
        {
            _writer.Send(MqttPacketCodec.Encode(new SubscribePacket(id, subscriptions), Protocol));
            using var timeout = new CancellationTokenSource(_requestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, _cts.Token);
            return await answer.Task.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _requests.TryRemove(id, out _);
            _queue.ReleaseId(id);
        }
    }

    /// <summary>Sends DISCONNECT (normal: the will is discarded, MQTT 5 §3.14.4) and ends the connection.</summary>
    public async Task DisconnectAsync(string reason)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_writer.Send(MqttPacketCodec.Encode(new DisconnectPacket(), Protocol), () => written.TrySetResult(), () => written.TrySetResult()))
        {
            await written.Task.WaitAsync(_requestTimeout, _time).ConfigureAwait(false);
        }

        Close(reason);
        await Ended.ConfigureAwait(false);
    }

    /// <summary>Ends the connection; the first reason is kept.</summary>
    public void Close(string reason)
    {
        if (Interlocked.CompareExchange(ref _endReason, reason, null) is null)
        {
            _cts.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close("disposed");
        await Ended.ConfigureAwait(false);
        _cts.Dispose();
    }

    private async Task FinishAsync(Task[] loops)
    {
        await Task.WhenAll(loops).ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _incoming.Writer.TryComplete();
        _ended.TrySetResult(_endReason ?? "closed");
    }

    private async Task Guard(Task loop)
    {
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
        catch (MqttProtocolException e)
        {
            Close($"protocol error: {e.Message}");
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            Close($"connection lost: {ExceptionMessages.Join(e)}");
        }
        catch (Exception e)
        {
            _logger.LogError(e, "MQTT connection to {Broker} failed unexpectedly", Broker);
            Close($"unexpected error: {e.Message}");
        }
        finally
        {
            // Any loop ending ends the connection: the others must not carry on half-alive.
            Close("closed");
        }
    }
}
