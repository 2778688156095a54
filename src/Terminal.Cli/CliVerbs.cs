using System.CommandLine;

namespace Terminal.Cli;

/// <summary>The verbs of <c>terminalctl</c> (SPEC §10); each lives in its own folder.</summary>
internal static class CliVerbs
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("terminalctl: field engineer's tool for the evaluation terminal");
        // One line per verb; keep SPEC §10's order.
        root.Subcommands.Add(Provision.ProvisionVerb.Create());
        root.Subcommands.Add(Package.PackageVerb.Create());
        return root;
    }
}
