using System.CommandLine;
using Terminal.Cli.Control;

namespace Terminal.Cli.SelfTest;

/// <summary>
/// <c>terminalctl selftest [--non-interactive]</c> (deploy/README.md#on-the-device, docs/command-line.md): the terminal's own checks (buffer,
/// disk, GPIO lines, outputs, broker, clock), then, unless <c>--non-interactive</c>, each LED, the
/// buzzer, each key and the badge reader with the engineer. A pass/fail table; exit 1 if a part failed.
/// </summary>
internal static class SelfTestVerb
{
    private const int DefaultSeconds = 15;

    public static Command Create()
    {
        var nonInteractive = new Option<bool>("--non-interactive")
        {
            Description = "only the checks that need no person (buffer, disk, GPIO lines and outputs, broker, clock)",
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = $"seconds allowed for each interactive part (answer, key press, card swipe); default {DefaultSeconds}",
            DefaultValueFactory = _ => DefaultSeconds,
        };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 600)
            {
                r.AddError("--timeout must be between 1 and 600 seconds");
            }
        });
        var command = new Command(
            "selftest",
            "test the terminal's hardware and connections. Interactive by default: each LED is lit and you are asked " +
            "whether it is (answer y or n on standard input, which may be piped), the buzzer sounds, each key and a card " +
            "swipe are asked for; key presses and swipes during the test are not recorded as ratings or attendance. " +
            $"Prints a pass/fail table (--json: one JSON document, prompts on stderr). {ExitCodes.Help} A failed part exits 1.")
        {
            nonInteractive,
            timeout,
        };
        command.SetAction((parse, ct) => CliVerbs.Run(async () =>
        {
            var json = parse.GetValue(CliVerbs.Json);
            using var client = new ControlClient(parse.GetValue(CliVerbs.Socket)!);
            var report = await client.PostAsync("/selftest/run", ct).ConfigureAwait(false);
            var board = report.GetProperty("board").GetString();
            var parts = report.GetProperty("parts").EnumerateArray().Select(PartResult.From).ToList();
            if (!parse.GetValue(nonInteractive))
            {
                parts.AddRange(await InteractiveAsync(client, json, TimeSpan.FromSeconds(parse.GetValue(timeout)), ct).ConfigureAwait(false));
            }

            Console.WriteLine(json ? ResultTable.ToJson(parts, board).ToJsonString() : ResultTable.Format(parts));
            return parts.All(p => p.Passed) ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private static async Task<IReadOnlyList<PartResult>> InteractiveAsync(ControlClient client, bool json, TimeSpan perPart, CancellationToken ct)
    {
        // With --json, stdout carries only the result document.
        var prompts = json ? Console.Error : Console.Out;
        await using var panel = await ControlSocketPanel.OpenAsync(client, ct).ConfigureAwait(false);
        await prompts.WriteLineAsync($"Self-test of board {panel.Hello.Board}: the terminal records no rating or attendance until it ends.").ConfigureAwait(false);
        var answers = new Answers(Console.In, prompts, Console.IsInputRedirected, TimeProvider.System);
        return await new InteractiveSelfTest(panel, answers, prompts, perPart, TimeProvider.System).RunAsync(ct).ConfigureAwait(false);
    }
}
