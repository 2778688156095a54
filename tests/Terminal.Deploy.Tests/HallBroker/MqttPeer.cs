using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Mqtt;

namespace Terminal.Deploy.Tests.HallBroker;

/// <summary>
/// An MQTT client holding one identity's certificate, in the role of the hall server, a central
/// application or a forger: what it received, what it was refused, and waits with deadlines.
/// </summary>
internal sealed class MqttPeer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<MqttApplicationMessage> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _disconnections;

    private MqttPeer(MqttClient client) => Client = client;

    public MqttClient Client { get; }

    public IReadOnlyList<MqttApplicationMessage> Received => [.. _received];

    /// <summary>How often the connection was lost since it was first made (e.g. taken over by another client).</summary>
    public int Disconnections => Volatile.Read(ref _disconnections);

    /// <summary>Connects as <paramref name="who"/> and returns once connected and subscribed (granted or not).</summary>
    /// <param name="persistent">Keep the session (and the broker's queue for it) across disconnections.</param>
    public static async Task<MqttPeer> ConnectAsync(Uri broker, CertificateIdentity who, string[] filters, MqttProtocol protocol = MqttProtocol.V500, string? clientId = null, bool persistent = false)
    {
        var peer = new MqttPeer(NewClient(broker, who.Tls, clientId ?? $"{who.Name}-{Guid.NewGuid():N}", filters, protocol, persistent));
        peer.Client.MessageHandler = peer.OnMessage;
        var outcome = await FirstOutcomeAsync(peer.Client);
        if (outcome is not null)
        {
            await peer.DisposeAsync();
            Assert.Fail($"{who.Name} could not connect to {broker}: {outcome}");
        }

        peer.Client.StateChanged += (_, e) =>
        {
            if (e.State == MqttConnectionState.Disconnected)
            {
                Interlocked.Increment(ref peer._disconnections);
            }
        };
        return peer;
    }

    /// <summary>Tries to connect with <paramref name="tls"/>; returns why it failed, and fails the test if it connected.</summary>
    public static async Task<string> RefusedConnectionAsync(Uri broker, MqttTlsOptions tls)
    {
        await using var client = NewClient(broker, tls, $"refused-{Guid.NewGuid():N}", [], MqttProtocol.V500, persistent: false);
        var outcome = await FirstOutcomeAsync(client);
        Assert.True(outcome is not null, $"connected to {broker} with {tls}");
        return outcome;
    }

    private static MqttClient NewClient(Uri broker, MqttTlsOptions tls, string clientId, string[] filters, MqttProtocol protocol, bool persistent) => new(
        new MqttClientOptions
        {
            Brokers = [broker],
            ClientId = clientId,
            Protocol = protocol,
            Tls = tls,
            SessionExpiry = persistent ? TimeSpan.FromHours(1) : TimeSpan.Zero,
            KeepAlive = TimeSpan.FromSeconds(10),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            Subscriptions = [.. filters.Select(f => new MqttSubscription(f))],
        },
        TimeProvider.System,
        NullLogger<MqttClient>.Instance);

    /// <summary>Starts the client: null once connected (and subscribed), else the error of the first failed attempt.</summary>
    private static async Task<string?> FirstOutcomeAsync(MqttClient client)
    {
        var outcome = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += (_, e) =>
        {
            if (e.State == MqttConnectionState.Connected)
            {
                outcome.TrySetResult(null);
            }
            else if (e.State == MqttConnectionState.Disconnected && e.Error is { } error)
            {
                outcome.TrySetResult(error);
            }
        };
        client.Start();
        try
        {
            return await outcome.Task.WaitAsync(DefaultWait);
        }
        catch (TimeoutException)
        {
            return $"neither connected nor refused within {DefaultWait.TotalSeconds:0} s";
        }
    }

    /// <summary>Publishes at QoS 1 and returns the PUBACK's reason code (≥ 0x80: refused by the broker).</summary>
    public async Task<int> PublishAsync(string topic, string payload, bool retain = false, string? responseTopic = null, string? correlation = null)
    {
        var message = new MqttApplicationMessage(topic, Encoding.UTF8.GetBytes(payload))
        {
            Retain = retain,
            ResponseTopic = responseTopic,
            CorrelationData = correlation is null ? null : Encoding.UTF8.GetBytes(correlation),
        };
        try
        {
            using var deadline = new CancellationTokenSource(DefaultWait);
            return (await Client.PublishAsync(message, deadline.Token)).ReasonCode;
        }
        catch (MqttPublishException e) when (e.ReasonCode is { } code)
        {
            return code;
        }
    }

    /// <summary>Waits until what was received satisfies <paramref name="done"/>; fails naming <paramref name="what"/>.</summary>
    public async Task<IReadOnlyList<MqttApplicationMessage>> WaitForAsync(Func<IReadOnlyList<MqttApplicationMessage>, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            var received = Received;
            if (done(received))
            {
                return received;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                Assert.Fail($"waited {(timeout ?? DefaultWait).TotalSeconds:0} s for {what}; received {received.Count}: {string.Join(" | ", received.TakeLast(5).Select(m => m.Topic))}");
            }

            // A burst of thousands is checked once, not once per message.
            while (_arrived.Wait(0))
            {
            }
        }
    }

    /// <summary>The first message on <paramref name="topic"/> whose payload contains <paramref name="text"/>.</summary>
    public async Task<MqttApplicationMessage> WaitForAsync(string topic, string text = "")
    {
        var received = await WaitForAsync(r => r.Any(m => Matches(m, topic, text)), $"'{text}' on {topic}");
        return received.First(m => Matches(m, topic, text));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        _arrived.Dispose();
    }

    private static bool Matches(MqttApplicationMessage m, string topic, string text) =>
        m.Topic == topic && Encoding.UTF8.GetString(m.Payload.Span).Contains(text, StringComparison.Ordinal);

    private Task OnMessage(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        _received.Enqueue(message);
        _arrived.Release();
        return Task.CompletedTask;
    }
}
