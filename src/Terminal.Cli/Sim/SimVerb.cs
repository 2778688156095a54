using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Terminal.Cli.Control;
using Terminal.Cli.Output;
using Terminal.Hardware.Wiegand;

namespace Terminal.Cli.Sim;

/// <summary>
/// <c>terminalctl sim …</c>: drive the simulated board. Each returns once the events the input caused
/// are committed (or after 2 s) and prints them; an input that causes no event prints nothing.
/// </summary>
internal static class SimVerb
{
    public static Command Create()
    {
        var sim = new Command("sim", "drive the simulated board of 'terminal --simulate'");
        sim.Subcommands.Add(Press());
        sim.Subcommands.Add(Key());
        sim.Subcommands.Add(Badge());
        sim.Subcommands.Add(Wiegand());
        sim.Subcommands.Add(Card());
        sim.Subcommands.Add(Type());
        return sim;
    }

    private static Command Press()
    {
        var level = new Argument<int>("level") { Description = "rating level 1–5; the key mapped to it is pressed and released" };
        var command = new Command("press", $"press and release the rating key mapped to a level. {ExitCodes.Help}") { level };
        command.SetAction((parse, ct) => Drive(parse, $"/sim/press?level={parse.GetValue(level)}", ct));
        return command;
    }

    private static Command Key()
    {
        var name = new Argument<string>("name") { Description = "key name from the board file, e.g. invite, pause, k5" };
        var hold = new Option<int?>("--hold-ms") { Description = "how long the key is held (default 80 ms)" };
        var command = new Command("key", $"press a key by its board name. {ExitCodes.Help}") { name, hold };
        command.SetAction((parse, ct) =>
        {
            var query = $"/sim/key?name={Uri.EscapeDataString(parse.GetValue(name)!)}";
            if (parse.GetValue(hold) is { } ms)
            {
                query += $"&holdMs={ms.ToString(CultureInfo.InvariantCulture)}";
            }

            return Drive(parse, query, ct);
        });
        return command;
    }

    private static Command Badge()
    {
        var number = new Argument<long>("number") { Description = "card number" };
        var facility = new Option<long?>("--facility") { Description = "facility code (default 0)" };
        var format = new Option<string>("--format")
        {
            Description = "card format",
            DefaultValueFactory = _ => WiegandFormats.H10301.Name,
        };
        format.AcceptOnlyFromAmong([.. WiegandFormats.All.Select(f => f.Name)]);
        var command = new Command("badge", $"swipe a card on the simulated Wiegand reader. {ExitCodes.Help}") { number, facility, format };
        command.SetAction((parse, ct) =>
        {
            var query = $"/sim/badge?number={parse.GetValue(number).ToString(CultureInfo.InvariantCulture)}&format={parse.GetValue(format)}";
            if (parse.GetValue(facility) is { } f)
            {
                query += $"&facility={f.ToString(CultureInfo.InvariantCulture)}";
            }

            return Drive(parse, query, ct);
        });
        return command;
    }

    private static Command Wiegand()
    {
        var bits = new Argument<string>("bits") { Description = "raw frame of 0 and 1, sent as timed D0/D1 pulses" };
        var command = new Command("wiegand", $"send a raw Wiegand frame. {ExitCodes.Help}") { bits };
        command.SetAction((parse, ct) => Drive(parse, $"/sim/wiegand?bits={Uri.EscapeDataString(parse.GetValue(bits)!)}", ct));
        return command;
    }

    private static Command Card()
    {
        var uid = new Argument<string>("uid-hex") { Description = "the card's UID in hex: 4, 7 or 10 bytes, e.g. 04A1B2C3" };
        var reader = ReaderOption("the UID reader (mfrc522/pn532) by its board name; default: the first");
        var command = new Command("card", $"hold a MIFARE/NFC card to a simulated UID reader. {ExitCodes.Help}") { uid, reader };
        command.SetAction((parse, ct) => Drive(parse, WithReader($"/sim/card?uid={Uri.EscapeDataString(parse.GetValue(uid)!)}", parse.GetValue(reader)), ct));
        return command;
    }

    private static Command Type()
    {
        var text = new Argument<string>("text") { Description = "what the USB reader types (Enter is added)" };
        var reader = ReaderOption("the USB reader (usb-hid) by its board name; default: the first");
        var command = new Command("type", $"what a simulated USB keyboard reader types. {ExitCodes.Help}") { text, reader };
        command.SetAction((parse, ct) => Drive(parse, WithReader($"/sim/type?text={Uri.EscapeDataString(parse.GetValue(text)!)}", parse.GetValue(reader)), ct));
        return command;
    }

    private static Option<string?> ReaderOption(string description) => new("--reader") { Description = description };

    private static string WithReader(string path, string? reader) => reader is null ? path : $"{path}&reader={Uri.EscapeDataString(reader)}";

    private static Task<int> Drive(ParseResult parse, string path, CancellationToken ct) => CliVerbs.Run(async () =>
    {
        using var client = new ControlClient(parse.GetValue(CliVerbs.Socket)!);
        var result = await client.PostAsync(path, ct).ConfigureAwait(false);
        var json = parse.GetValue(CliVerbs.Json);
        foreach (var e in result.GetProperty("events").EnumerateArray())
        {
            Console.WriteLine(json ? e.GetRawText() : EventLine.Format(e));
        }

        return ExitCodes.Ok;
    });
}
