using System.Globalization;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Processes;

namespace Terminal.Host.Tests.EndToEnd;

/// <summary>Publishes as the hall server or the queue system would: <c>mosquitto_pub</c>, MQTT 5 properties included.</summary>
internal static class Publisher
{
    public static async Task PublishAsync(MosquittoBroker broker, string topic, string payload, bool retain = false, string? responseTopic = null, string? correlation = null, string protocol = "5")
    {
        List<string> args = ["-h", "127.0.0.1", "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-V", protocol, "-q", "1", "-t", topic];
        if (retain)
        {
            args.Add("-r");
        }

        if (responseTopic is not null)
        {
            args.AddRange(["-D", "publish", "response-topic", responseTopic]);
        }

        if (correlation is not null)
        {
            args.AddRange(["-D", "publish", "correlation-data", correlation]);
        }

        // Large payloads go through a file: the command line has a length limit.
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, payload);
        args.AddRange(["-f", file]);
        try
        {
            using var pub = ProcessRun.Start("mosquitto_pub", args);
            var exit = await pub.WaitForExitAsync(TimeSpan.FromSeconds(20));
            Assert.True(exit == 0, $"mosquitto_pub exited {exit}: {pub.Stderr}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
