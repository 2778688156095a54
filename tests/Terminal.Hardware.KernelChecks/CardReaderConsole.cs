using System.Globalization;

namespace Terminal.Hardware.KernelChecks;

/// <summary>
/// <c>keyboard NAME BY-ID</c>: a <see cref="VirtualCardReader"/> driven one command per line of
/// standard input, for a guest script that runs the whole terminal against it
/// (tests/Terminal.PowerCut/Guest/usb-reader.sh). Each command is answered by one line,
/// <c>done COMMAND: detail</c> or <c>fail COMMAND: why</c>, so the script can wait for it.
/// </summary>
/// <remarks>
/// Commands: <c>plug</c>; <c>unplug</c>; <c>grabbed SECONDS</c> (waits until another program holds the
/// device's grab); <c>type TEXT</c> (types TEXT, then Enter). End of input unplugs and exits.
/// </remarks>
internal static class CardReaderConsole
{
    public static async Task<int> RunAsync(string deviceName, string byId, TextReader commands, TextWriter answers)
    {
        using var reader = new VirtualCardReader(deviceName, byId);
        while (await commands.ReadLineAsync() is { } command)
        {
            try
            {
                answers.WriteLine($"done {command}: {await RunAsync(reader, command)}");
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException or FormatException or ArgumentException)
            {
                answers.WriteLine($"fail {command}: {e.GetType().Name}: {e.Message}");
            }

            answers.Flush();
        }

        return 0;
    }

    private static async Task<string> RunAsync(VirtualCardReader reader, string command)
    {
        var (verb, argument) = command.Split(' ', 2) is [var v, var a] ? (v, a) : (command, string.Empty);
        switch (verb)
        {
            case "plug":
                reader.Plug();
                return $"{reader.ById} -> {reader.EventPath}";
            case "unplug":
                reader.Unplug();
                return $"{reader.ById} removed";
            case "grabbed":
                await reader.WaitUntilGrabbedAsync(TimeSpan.FromSeconds(int.Parse(argument, CultureInfo.InvariantCulture)));
                return $"{reader.EventPath} is grabbed";
            case "type":
                reader.Type(argument + "\n");
                return $"typed on {reader.EventPath}";
            default:
                throw new ArgumentException($"unknown command '{verb}' (plug, unplug, grabbed SECONDS, type TEXT)");
        }
    }
}
