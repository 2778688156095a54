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

    private MqttPeer(MqttClient client) => Client = client;

    public MqttClient Client { get; }

    public IReadOnlyList<MqttApplicationMessage> Received => [.. _received];

    /// <summary>Connects as <paramref name="who"/> and returns once connected and subscribed (granted or not).</summary>
    /// <param name="persistent">Keep the session (and the broker's queue for it) across disconnections.</param>
    public static async Task<MqttPeer> ConnectAsync(Uri broker, CertificateIdentity who, string[] filters, MqttProtocol protocol = MqttProtocol.V500, string? clientId = null, bool persistent = false)
    {
        var client = new MqttClient(
            new MqttClientOptions
            {
                Brokers = [broker],
                ClientId = clientId ?? $"{who.Name}-{Guid.NewGuid():N}",
                Protocol = protocol,
                Tls = who.Tls,
                SessionExpiry = persistent ? TimeSpan.FromHours(1) : TimeSpan.Zero,
                KeepAlive = TimeSpan.FromSeconds(10),
                ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
                ReconnectMaxDelay = TimeSpan.FromSeconds(1),
                Subscriptions = [.. filters.Select(f => new MqttSubscription(f))],
            },
            TimeProvider.System,
            NullLogger<MqttClient>.Instance);
        var peer = new MqttPeer(client);
        client.MessageHandler = peer.OnMessage;
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? lastError = null;
        client.StateChanged += (_, e) =>
        {
            lastError = e.Error ?? lastError;
            if (e.State == MqttConnectionState.Connected)
            {
                connected.TrySetResult();
            }
        };
        client.Start();
        try
        {
            await connected.Task.WaitAsync(DefaultWait);
        }
        catch (TimeoutException)
        {
            await peer.DisposeAsync();
            throw new TimeoutException($"{who.Name} did not connect to {broker} within {DefaultWait}: {lastError}");
        }

        return peer;
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
