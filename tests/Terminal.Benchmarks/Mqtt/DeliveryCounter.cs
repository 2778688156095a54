using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Mqtt;

namespace Terminal.Benchmarks.Mqtt;

/// <summary>A subscriber to <c>bench/#</c> counting deliveries per topic.</summary>
internal sealed class DeliveryCounter : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly MqttClient _client;

    private DeliveryCounter(MqttClient client) => _client = client;

    public static async Task<DeliveryCounter> StartAsync(Uri broker)
    {
        var client = new MqttClient(
            new MqttClientOptions { Brokers = [broker], ClientId = "bench-counter", AllowInsecure = true, Subscriptions = [new MqttSubscription("bench/#")] },
            TimeProvider.System,
            NullLogger<MqttClient>.Instance);
        var counter = new DeliveryCounter(client);
        client.MessageHandler = (m, _) =>
        {
            counter._counts.AddOrUpdate(m.Topic, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        };
        client.Start();
        var deadline = Stopwatch.StartNew();
        while (client.State != MqttConnectionState.Connected)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException("the counting subscriber did not connect");
            }

            await Task.Delay(10);
        }

        return counter;
    }

    public long Count(string topic) => _counts.GetValueOrDefault(topic);

    /// <summary>Waits until <paramref name="expected"/> arrived or nothing arrived for <paramref name="quiet"/>.</summary>
    public async Task SettleAsync(string topic, long expected, TimeSpan quiet)
    {
        var last = Count(topic);
        var since = Stopwatch.StartNew();
        while (Count(topic) < expected && since.Elapsed < quiet)
        {
            await Task.Delay(50);
            if (Count(topic) != last)
            {
                last = Count(topic);
                since.Restart();
            }
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
