using System.Globalization;
using Terminal.PowerCut.Campaign;
using Terminal.PowerCut.Wear;

// usage (see tests/Terminal.PowerCut/README.md):
//   dotnet run --project tests/Terminal.PowerCut -c Release -- campaign [--rounds N] [--seed S] [--load-seconds S]
//        [--terminal DIR] [--terminalctl DIR] [--work DIR] [--control curl|terminalctl]   exit 0 when nothing was lost, reused or torn
//   dotnet run --project tests/Terminal.PowerCut -c Release -- wear [--presses N] [--interval-ms MS] [--terminal DIR]
//        [--terminalctl DIR] [--baseline-terminal DIR]   bytes written per press from the guest disk's counters (bench-results/wear.json)
var verb = args.FirstOrDefault();
var rest = args.Skip(1).ToArray();
switch (verb)
{
    case "campaign":
        var totals = new PowerCutCampaign(CampaignArguments(rest), Console.Out).Run();
        return totals.Clean ? 0 : 1;
    case "wear":
        return new WearSuite(Console.Out).Run(
            int.Parse(Option(rest, "--presses") ?? "40", CultureInfo.InvariantCulture),
            int.Parse(Option(rest, "--interval-ms") ?? "2000", CultureInfo.InvariantCulture),
            FullPath(Option(rest, "--terminal")),
            FullPath(Option(rest, "--terminalctl")),
            FullPath(Option(rest, "--baseline-terminal")));
    case "guest-wear":
        return await GuestWear.RunAsync(rest);
    default:
        Console.Error.WriteLine("usage: Terminal.PowerCut campaign [--rounds N] [--seed S] [--load-seconds S] [--terminal DIR] [--terminalctl DIR] [--work DIR] [--control curl|terminalctl]");
        Console.Error.WriteLine("       Terminal.PowerCut wear [--presses N] [--interval-ms MS] [--terminal DIR] [--terminalctl DIR] [--baseline-terminal DIR]");
        return 2;
}

static CampaignOptions CampaignArguments(string[] args)
{
    var options = new CampaignOptions();
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        var value = args[i + 1];
        options = args[i] switch
        {
            "--rounds" => options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
            "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
            "--load-seconds" => options with { LoadWindow = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
            "--terminal" => options with { TerminalBuild = Path.GetFullPath(value) },
            "--terminalctl" => options with { TerminalctlBuild = Path.GetFullPath(value) },
            "--work" => options with { WorkDirectory = Path.GetFullPath(value) },
            "--control" => options with { Control = value is "curl" or "terminalctl" ? value : throw new ArgumentException("--control is curl or terminalctl") },
            _ => throw new ArgumentException($"unknown option {args[i]}"),
        };
    }

    return options;
}

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string? FullPath(string? path) => path is null ? null : Path.GetFullPath(path);
