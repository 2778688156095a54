using System.CommandLine;
using System.Text.Json;
using Terminal.Cli.Control;

namespace Terminal.Cli.Status;

/// <summary><c>terminalctl status</c>: the running terminal's status document.</summary>
internal static class StatusVerb
{
    public static Command Create()
    {
        var command = new Command("status", $"show the running terminal's status (window, buffer, faults, broker connection and why it fails). {ExitCodes.Help}");
        command.SetAction((parse, ct) => CliVerbs.Run(async () =>
        {
            using var client = new ControlClient(parse.GetValue(CliVerbs.Socket)!);
            var status = await client.GetAsync("/status", ct).ConfigureAwait(false);
            Console.WriteLine(parse.GetValue(CliVerbs.Json) ? status.GetRawText() : Describe(status));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The status for people: one aligned line per subject.</summary>
    internal static string Describe(JsonElement s)
    {
        var window = s.GetProperty("window");
        var buffer = s.GetProperty("buffer");
        var faults = s.GetProperty("faults").EnumerateArray().Select(f => f.GetString()).ToList();
        return string.Join(Environment.NewLine, new[]
        {
            $"state       {s.GetProperty("state").GetString()} (broker {s.GetProperty("connection").GetString()})",
            $"version     {s.GetProperty("version").GetString()}   board {s.GetProperty("board").GetString()}",
            $"window      {window.GetProperty("state").GetString()} {window.GetProperty("staff")} {window.GetProperty("name")}".Replace("null", string.Empty, StringComparison.Ordinal).TrimEnd(),
            $"buffer      {buffer.GetProperty("pending")} pending, oldest {buffer.GetProperty("oldestAt")}",
            $"clock       {(s.GetProperty("clockSynced").GetBoolean() ? "synchronised" : "NOT synchronised")}",
            $"faults      {(faults.Count == 0 ? "none" : string.Join(", ", faults))}",
            $"since       {s.GetProperty("since").GetString()}   boot {s.GetProperty("boot").GetString()}",
        }.Concat(s.TryGetProperty("broker", out var broker) ? BrokerLines.Describe(broker) : []));
    }
}
