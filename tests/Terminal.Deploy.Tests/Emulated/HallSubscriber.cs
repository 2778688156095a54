using System.Globalization;
using Terminal.Deploy.Tests.Support;
using Terminal.TestUtils.Broker;

namespace Terminal.Deploy.Tests.Emulated;

/// <summary>
/// The hall server's view: an independent <c>mosquitto_sub</c> with a persistent MQTT 3.1.1
/// session, so the broker queues the terminal's events while it is away. Prints "topic payload".
/// </summary>
internal sealed class HallSubscriber : IDisposable
{
    private readonly LineProcess _process;

    private HallSubscriber(LineProcess process) => _process = process;

    /// <summary>Connects as <paramref name="clientId"/> and returns once the subscription is live.</summary>
    public static async Task<HallSubscriber> ConnectAsync(MosquittoBroker broker, string clientId, string topic)
    {
        var port = broker.Port.ToString(CultureInfo.InvariantCulture);
        var probe = $"probe/{Guid.NewGuid():N}";
        var subscriber = new HallSubscriber(new LineProcess(
            "mosquitto_sub",
            ["-h", "127.0.0.1", "-p", port, "-V", "311", "-c", "-i", clientId, "-q", "1", "-t", topic, "-t", probe, "-F", "%t %p"]));

        // mosquitto_sub prints nothing once subscribed: a probe it echoes proves the subscription
        // is live (published again until seen, since the first may beat the SUBSCRIBE).
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            Assert.Equal(0, Run.Tool("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-q", "1", "-t", probe, "-m", "{}").ExitCode);
            if (await subscriber._process.WaitForLineAsync(l => l.StartsWith(probe, StringComparison.Ordinal), TimeSpan.FromSeconds(1)))
            {
                return subscriber;
            }

            Assert.False(deadline.IsCancellationRequested, "mosquitto_sub did not subscribe:\n" + subscriber._process);
        }
    }

    /// <summary>Waits for a message whose payload contains <paramref name="text"/> (e.g. an event id).</summary>
    public async Task AssertReceivesAsync(string text, TimeSpan timeout)
    {
        Assert.True(
            await _process.WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), timeout),
            $"no message with {text} within {timeout}; received:\n{_process}");
    }

    public void Dispose() => _process.Dispose();
}
