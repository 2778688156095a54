using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Mqtt;
using Terminal.Storage;
using Terminal.TestUtils.Broker;

namespace Terminal.Benchmarks.Mqtt;

/// <summary>
/// Suite <c>mqtt</c>: 100,000 pending events drained from the real <see cref="EventBuffer"/> to a
/// local Mosquitto (events/s), against the ceiling of the same client publishing the same payloads
/// from memory, and what <c>mosquitto_pub -q 1 -l</c> delivers of the same lines.
/// Usage: <c>Terminal.Benchmarks mqtt [count]</c>.
/// </summary>
internal sealed class MqttSuite : IBenchmarkSuite
{
    public string Name => "mqtt";

    public async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        using var broker = new MosquittoBroker(extraConfig: ["max_queued_messages 0"]);
        broker.Start();
        var work = Directory.CreateTempSubdirectory("mqtt-bench-").FullName;
        try
        {
            await using var counter = await DeliveryCounter.StartAsync(broker.Uri);
            var payloads = Enumerable.Range(1, count).Select(i => MqttBenchEvents.Envelope(i)).ToList();

            await using var client = Client(broker.Uri, "bench-device");
            client.Start();
            var ceiling = await FromMemoryAsync(client, payloads);
            var drain = await FromBufferAsync(client, work, payloads);
            var cli = await MosquittoPubAsync(broker.Port, work, payloads, counter);
            var figures = new
            {
                events = count,
                payloadBytes = payloads[0].Length,
                receiveMaximum = 20,
                ceilingEventsPerSecond = Math.Round(count / ceiling.TotalSeconds),
                drainEventsPerSecond = Math.Round(count / drain.TotalSeconds),
                drainOverCeiling = Math.Round(ceiling.TotalSeconds / drain.TotalSeconds, 3),
                target = 0.8,
                inFlightHighWater = client.InFlightHighWater,
                mosquittoPub = new { delivered = cli.Delivered, total = count, seconds = Math.Round(cli.Elapsed.TotalSeconds, 2), exitCode = cli.ExitCode },
                delivered = new { ceiling = counter.Count("bench/memory"), drain = counter.Count("bench/buffer") },
            };
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(figures));
            BenchResults.Write(Name, figures);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static MqttClient Client(Uri broker, string id) => new(
        new MqttClientOptions { Brokers = [broker], ClientId = id, AllowInsecure = true, SessionExpiry = TimeSpan.Zero },
        TimeProvider.System,
        NullLogger<MqttClient>.Instance);

    private static async Task<TimeSpan> FromMemoryAsync(MqttClient client, List<byte[]> payloads)
    {
        var started = Stopwatch.GetTimestamp();
        var acks = payloads.Select(p => client.PublishAsync(new MqttApplicationMessage("bench/memory", p), CancellationToken.None)).ToList();
        await Task.WhenAll(acks);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>What the host's publisher does: read pending in seq order, pipeline, acknowledge at PUBACK.</summary>
    private static async Task<TimeSpan> FromBufferAsync(MqttClient client, string work, List<byte[]> payloads)
    {
        await using var buffer = await EventBuffer.OpenAsync(new EventBufferOptions { DataDirectory = Path.Combine(work, "buffer") }, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
        foreach (var chunk in payloads.Chunk(1000))
        {
            await buffer.AppendAsync(chunk.Select(p => new EventDraft("rating", false, DateTimeOffset.UtcNow, _ => p)).ToList(), CancellationToken.None);
        }

        var started = Stopwatch.GetTimestamp();
        var acked = Channel.CreateUnbounded<long>();
        var acknowledging = Task.Run(async () =>
        {
            var batch = new List<long>();
            while (await acked.Reader.WaitToReadAsync())
            {
                while (batch.Count < 1000 && acked.Reader.TryRead(out var seq))
                {
                    batch.Add(seq);
                }

                await buffer.AcknowledgeAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        });
        using var window = new SemaphoreSlim(2000);
        var publishes = new List<Task>(payloads.Count);
        long after = 0;
        while (true)
        {
            var events = await buffer.ReadPendingAsync(after, 500, CancellationToken.None);
            if (events.Count == 0)
            {
                break;
            }

            foreach (var e in events)
            {
                await window.WaitAsync();
                var seq = e.Seq;
                publishes.Add(client.PublishAsync(new MqttApplicationMessage("bench/buffer", e.Payload), CancellationToken.None)
                    .ContinueWith(_ => { acked.Writer.TryWrite(seq); window.Release(); }, TaskScheduler.Default));
                after = seq;
            }
        }

        await Task.WhenAll(publishes);
        acked.Writer.Complete();
        await acknowledging;
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (buffer.GetStats().Pending != 0)
        {
            throw new InvalidOperationException($"{buffer.GetStats().Pending} events still pending after the drain");
        }

        return elapsed;
    }

    private static async Task<(long Delivered, TimeSpan Elapsed, int ExitCode)> MosquittoPubAsync(int port, string work, List<byte[]> payloads, DeliveryCounter counter)
    {
        var lines = Path.Combine(work, "lines.jsonl");
        await using (var file = File.Create(lines))
        {
            foreach (var p in payloads)
            {
                await file.WriteAsync(p);
                file.WriteByte((byte)'\n');
            }
        }

        var info = new ProcessStartInfo("mosquitto_pub") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-t", "bench/cli", "-l" })
        {
            info.ArgumentList.Add(arg);
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await using (var input = File.OpenRead(lines))
        {
            await input.CopyToAsync(process.StandardInput.BaseStream);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        // Let the subscriber catch up: stop once nothing more arrives for 2 s.
        await counter.SettleAsync("bench/cli", payloads.Count, TimeSpan.FromSeconds(2));
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"mosquitto_pub exited {process.ExitCode}: {await stderr}");
        }

        return (counter.Count("bench/cli"), elapsed, process.ExitCode);
    }
}
