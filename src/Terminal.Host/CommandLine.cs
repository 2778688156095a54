namespace Terminal.Host;

/// <summary>
/// <c>terminal [--simulate] [--config FILE] [--Terminal:Key=value ...]</c> (docs/command-line.md): the two
/// switches of the host itself; everything else is configuration.
/// </summary>
internal sealed record CommandLine(bool Simulate, string? ConfigFile, string[] ConfigurationArgs, bool Help = false)
{
    public static CommandLine Parse(string[] args)
    {
        var simulate = false;
        string? configFile = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--simulate":
                    simulate = true;
                    break;
                case "--config" when i + 1 < args.Length:
                    configFile = args[++i];
                    break;
                case "--config":
                    throw new ArgumentException("--config needs a file");
                case var a when a.StartsWith("--config=", StringComparison.Ordinal):
                    configFile = a["--config=".Length..];
                    break;
                case var a when a.StartsWith("--Terminal:", StringComparison.OrdinalIgnoreCase)
                    || a.StartsWith("--Logging:", StringComparison.OrdinalIgnoreCase):
                    rest.Add(a);
                    if (!a.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                    {
                        rest.Add(args[++i]);
                    }

                    break;
                case "--help" or "-h":
                    return new CommandLine(false, null, [], Help: true);
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}' (usage: terminal [--simulate] [--config FILE] [--Terminal:Key=value ...])");
            }
        }

        return new CommandLine(simulate, configFile, [.. rest]);
    }

    public const string Usage = """
        usage: terminal [--simulate] [--config FILE] [--Terminal:Key=value ...]

          --simulate          simulated board (board-config/simulator.json), data in ./.terminal-data,
                              broker mqtt://127.0.0.1:1883, identity SIM-0001/DEV/1 unless configured
          --config FILE       device configuration (default /etc/terminal/terminal.json)
          --Terminal:Key=v    any setting of docs/configuration.md, e.g. --Terminal:Broker:Uris:0=mqtts://hall:8883
        """;
}
