using System.Text.Json;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Contract;
using Terminal.TestUtils.Processes;

namespace Terminal.Host.Tests.EndToEnd;

/// <summary>
/// An independent MQTT subscriber (<c>mosquitto_sub</c>, MQTT 5) that records every message as
/// <c>topic retain payload</c> lines: the hall server's view in the end-to-end tests. Every message
/// it hands out, and every one seen before, is checked against docs/asyncapi.yaml (<see cref="MqttContract"/>).
/// </summary>
internal sealed class Subscriber : IDisposable
{
    private const string Probe = "e2e-probe";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly ProcessRun _process;
    private int _checked;

    private Subscriber(ProcessRun process) => _process = process;

    /// <summary>Subscribes to <paramref name="topic"/>; with <paramref name="persistentId"/>, as a 3.1.1 persistent session the broker queues for.</summary>
    public static Task<Subscriber> StartAsync(MosquittoBroker broker, string topic, string? persistentId = null) =>
        StartAsync(broker, [topic], persistentId);

    /// <summary>Subscribes to several topics.</summary>
    public static async Task<Subscriber> StartAsync(MosquittoBroker broker, string[] topics, string? persistentId = null)
    {
        var probe = $"{Probe}/{Guid.NewGuid():N}";
        string[] session = persistentId is null ? ["-V", "5", "-i", $"e2e-{Guid.NewGuid():N}"] : ["-V", "311", "-c", "-i", persistentId];
        var filters = topics.Append(probe).SelectMany(t => new[] { "-t", t });
        var process = ProcessRun.Start("mosquitto_sub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. session, "-q", "1", .. filters, "-F", "%t %r %p"]);
        var subscriber = new Subscriber(process);

        // mosquitto_sub prints nothing once subscribed; a probe message on a topic of its own that
        // it echoes proves the subscriptions are live (published again until seen: the first may beat the SUBSCRIBE).
        using var deadline = new CancellationTokenSource(Wait);
        while (true)
        {
            using (var pub = ProcessRun.Start("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-t", probe, "-m", "{}"]))
            {
                await pub.WaitForExitAsync(Wait);
            }

            try
            {
                await process.WaitForLineAsync(l => l.StartsWith(probe + " ", StringComparison.Ordinal), TimeSpan.FromMilliseconds(500), "the subscription probe");
                break;
            }
            catch (TimeoutException) when (!deadline.IsCancellationRequested)
            {
            }
        }

        return subscriber;
    }

    /// <summary>Messages received on topics ending in <paramref name="suffix"/>.</summary>
    public IReadOnlyList<Message> Messages(string suffix)
    {
        CheckContract();
        return All().Where(m => m.Topic.EndsWith(suffix, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Waits until <paramref name="count"/> messages on topics containing <paramref name="part"/> arrived.</summary>
    public async Task<IReadOnlyList<Message>> WaitForAsync(string part, int count, TimeSpan? timeout = null)
    {
        await _process.WaitForLineAsync(
            _ => All().Count(m => m.Topic.Contains(part, StringComparison.Ordinal)) >= count,
            timeout ?? Wait,
            $"{count} message(s) on *{part}*");
        CheckContract();
        return All().Where(m => m.Topic.Contains(part, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Waits for a message on a topic containing <paramref name="part"/> whose payload satisfies <paramref name="match"/>.</summary>
    public async Task<Message> WaitForAsync(string part, Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var line = await _process.WaitForLineAsync(
            l => Message.Parse(l) is var m && m.Topic.Contains(part, StringComparison.Ordinal) && !m.Topic.StartsWith(Probe, StringComparison.Ordinal) && match(m.Json),
            timeout ?? Wait,
            $"a matching message on *{part}*");
        CheckContract();
        return Message.Parse(line);
    }

    /// <summary>Waits for the reply on <paramref name="topic"/> and checks it is a reply <paramref name="command"/> documents.</summary>
    public async Task<Message> WaitForReplyAsync(string topic, string command, TimeSpan? timeout = null)
    {
        var reply = await WaitForAsync(topic, _ => true, timeout);
        MqttContract.AssertReply(command, reply.Json);
        return reply;
    }

    public void Dispose() => _process.Dispose();

    /// <summary>
    /// Checks the messages not checked yet on documented topics. Commands are the tests' own input
    /// (some malformed on purpose), so they are left out.
    /// </summary>
    private void CheckContract()
    {
        var all = All().ToList();
        for (; _checked < all.Count; _checked++)
        {
            if (!all[_checked].Topic.Contains("/cmd/", StringComparison.Ordinal))
            {
                MqttContract.AssertDocumented(all[_checked].Topic, all[_checked].Json);
            }
        }
    }

    /// <summary>Every message but the probes.</summary>
    private IEnumerable<Message> All() =>
        _process.Lines().Select(Message.Parse).Where(m => !m.Topic.StartsWith(Probe, StringComparison.Ordinal));

    internal sealed record Message(string Topic, bool Retained, JsonElement Json)
    {
        public static Message Parse(string line)
        {
            var parts = line.Split(' ', 3);
            try
            {
                return new Message(parts[0], parts[1] == "1", JsonDocument.Parse(parts[2]).RootElement.Clone());
            }
            catch (JsonException)
            {
                // Not JSON (e.g. a malformed command under test): an empty object never matches.
                return new Message(parts[0], parts[1] == "1", JsonDocument.Parse("{}").RootElement.Clone());
            }
        }
    }
}
