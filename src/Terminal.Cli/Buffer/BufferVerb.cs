using System.CommandLine;
using System.Text.Json;
using Terminal.Cli.Control;
using Terminal.Cli.Output;

namespace Terminal.Cli.Buffer;

/// <summary><c>terminalctl buffer stats|export</c>: the durable buffer of the running terminal.</summary>
internal static class BufferVerb
{
    public static Command Create()
    {
        var buffer = new Command("buffer", "the durable event buffer");
        buffer.Subcommands.Add(Stats());
        buffer.Subcommands.Add(Export());
        return buffer;
    }

    private static Command Stats()
    {
        var command = new Command("stats", $"pending events, bytes, oldest event and capacity. {ExitCodes.Help}");
        command.SetAction((parse, ct) => CliVerbs.Run(async () =>
        {
            using var client = new ControlClient(parse.GetValue(CliVerbs.Socket)!);
            var stats = await client.GetAsync("/buffer/stats", ct).ConfigureAwait(false);
            Console.WriteLine(parse.GetValue(CliVerbs.Json) ? stats.GetRawText() : Describe(stats));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Export()
    {
        var output = new Option<FileInfo?>("--out") { Description = "write to this file instead of standard output" };
        var command = new Command("export", $"pending events as JSON lines, as they will be published. {ExitCodes.Help}") { output };
        command.SetAction((parse, ct) => CliVerbs.Run(async () =>
        {
            using var client = new ControlClient(parse.GetValue(CliVerbs.Socket)!);
            var file = parse.GetValue(output);
            var writer = file is null ? Console.Out : new StreamWriter(file.FullName);
            long count = 0;
            try
            {
                await foreach (var line in client.GetLinesAsync("/buffer/export", ct).ConfigureAwait(false))
                {
                    await writer.WriteLineAsync(line).ConfigureAwait(false);
                    count++;
                }
            }
            finally
            {
                if (file is not null)
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (file is not null)
            {
                await Console.Error.WriteLineAsync($"exported {EventLine.Count(count)} event(s) to {file.FullName}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Describe(JsonElement s) => string.Join(Environment.NewLine,
        $"pending     {s.GetProperty("pending")} event(s), {s.GetProperty("pendingBytes")} bytes",
        $"oldest      {s.GetProperty("oldestAt")}",
        $"last seq    {s.GetProperty("lastSeq")}",
        $"capacity    {s.GetProperty("maxEvents")} events, {s.GetProperty("maxBytes")} bytes",
        $"state       {(s.GetProperty("full").GetBoolean() ? "FULL: presses refused" : s.GetProperty("nearFull").GetBoolean() ? "near full (≥ 90 %)" : "ok")}");
}
