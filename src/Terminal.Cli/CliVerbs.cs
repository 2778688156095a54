using System.CommandLine;
using Terminal.Cli.Buffer;
using Terminal.Cli.Config;
using Terminal.Cli.Monitor;
using Terminal.Cli.SelfTest;
using Terminal.Cli.Sim;
using Terminal.Cli.Status;

namespace Terminal.Cli;

/// <summary>The verbs of <c>terminalctl</c> (docs/command-line.md); each lives in its own folder.</summary>
internal static class CliVerbs
{
    /// <summary>Control socket of the running host.</summary>
    public static Option<string> Socket { get; } = new("--socket")
    {
        Description = "control socket of the running terminal",
        DefaultValueFactory = _ => "/run/terminal/control.sock",
        Recursive = true,
    };

    /// <summary>Machine-readable output.</summary>
    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "machine-readable output: one JSON document, or one JSON object per line",
        Recursive = true,
    };

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand($"terminalctl: field engineer's tool for the evaluation terminal. {ExitCodes.Help}");
        root.Options.Add(Socket);
        root.Options.Add(Json);
        // One line per verb; keep docs/command-line.md's order.
        root.Subcommands.Add(StatusVerb.Create());
        root.Subcommands.Add(SimVerb.Create());
        root.Subcommands.Add(BufferVerb.Create());
        root.Subcommands.Add(SelfTestVerb.Create());
        root.Subcommands.Add(ConfigVerb.Create());
        root.Subcommands.Add(Provision.ProvisionVerb.Create());
        root.Subcommands.Add(MonitorVerb.Create());
        root.Subcommands.Add(Package.PackageVerb.Create());
        return root;
    }

    /// <summary>Runs a verb body, turning <see cref="CliException"/> into its message on stderr and exit code.</summary>
    public static async Task<int> Run(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync($"terminalctl: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
    }
}
