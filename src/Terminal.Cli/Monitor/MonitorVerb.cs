using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Cli.Output;
using Terminal.Mqtt;

namespace Terminal.Cli.Monitor;

/// <summary><c>terminalctl monitor --broker URI --hall ID [--terminal ID]</c>: a hall's live events, one line each.</summary>
internal static class MonitorVerb
{
    public static Command Create()
    {
        // A string, parsed here: System.CommandLine has no converter for Uri and refused every value.
        var broker = new Option<string>("--broker") { Description = "broker URI, e.g. mqtts://hall-server:8883", Required = true };
        var hall = new Option<string>("--hall") { Description = "hall id", Required = true };
        var terminal = new Option<string?>("--terminal") { Description = "only this terminal" };
        var ca = new Option<FileInfo?>("--ca") { Description = "CA certificate (PEM) for mqtts://" };
        var cert = new Option<FileInfo?>("--cert") { Description = "client certificate (PEM)" };
        var key = new Option<FileInfo?>("--key") { Description = "client key (PEM)" };
        var command = new Command("monitor", $"print a hall's live events and status changes until Ctrl-C. {ExitCodes.Help}") { broker, hall, terminal, ca, cert, key };
        command.SetAction((parse, ct) => CliVerbs.Run(async () =>
        {
            var given = parse.GetValue(broker)!;
            if (!Uri.TryCreate(given, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts"))
            {
                throw new CliException(ExitCodes.Usage, $"--broker '{given}' is not a broker URI: e.g. mqtts://hall-server:8883");
            }

            var who = parse.GetValue(terminal) ?? "+";
            var root = $"eval/v1/{parse.GetValue(hall)}/{who}";
            var json = parse.GetValue(CliVerbs.Json);
            var options = new MqttClientOptions
            {
                Brokers = [uri],
                ClientId = $"terminalctl-monitor-{Environment.ProcessId}",
                SessionExpiry = TimeSpan.Zero,
                // The engineer typed mqtt:// on purpose; monitor only reads.
                AllowInsecure = uri.Scheme == "mqtt",
                Tls = parse.GetValue(ca) is null && parse.GetValue(cert) is null ? null
                    : new MqttTlsOptions(parse.GetValue(ca)?.FullName, parse.GetValue(cert)?.FullName, parse.GetValue(key)?.FullName),
                Subscriptions = [new MqttSubscription($"{root}/event/+"), new MqttSubscription($"{root}/status")],
            };
            await using var client = new MqttClient(options, TimeProvider.System, NullLogger<MqttClient>.Instance);
            client.StateChanged += (_, e) => Console.Error.WriteLine($"-- {e.State.ToString().ToLowerInvariant()} {e.Broker} {e.Error}".TrimEnd());
            // A hall broker shows a terminal's events only to the hall server's identity (deploy/hall-broker).
            client.SubscriptionRefused += (_, e) => Console.Error.WriteLine($"-- subscription to {e.TopicFilter} refused: {e.Reason}; this certificate may not read it (use the hall server's)");
            client.MessageHandler = (message, _) =>
            {
                Console.WriteLine(json ? System.Text.Encoding.UTF8.GetString(message.Payload.Span) : Describe(message));
                return Task.CompletedTask;
            };
            client.Start();
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await client.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Describe(MqttApplicationMessage message)
    {
        try
        {
            using var doc = JsonDocument.Parse(message.Payload);
            if (message.Topic.EndsWith("/status", StringComparison.Ordinal))
            {
                var s = doc.RootElement;
                return $"status {message.Topic.Split('/')[3]} {s.GetProperty("state").GetString()} window {s.GetProperty("window").GetProperty("state").GetString()} pending {s.GetProperty("buffer").GetProperty("pending")}";
            }

            return EventLine.Format(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"{message.Topic}: undecodable payload ({message.Payload.Length} bytes): {e.Message}";
        }
    }
}
