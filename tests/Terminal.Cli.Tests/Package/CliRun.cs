using System.CommandLine;

namespace Terminal.Cli.Tests.Package;

/// <summary>Runs one verb as terminalctl would parse it, capturing stdout and stderr.</summary>
internal static class CliRun
{
    public static (int Exit, string Out, string Err) Invoke(Command verb, params string[] args)
    {
        var root = new RootCommand("test") { verb };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
