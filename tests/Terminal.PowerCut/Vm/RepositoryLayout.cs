using System.Reflection;
using System.Runtime.CompilerServices;

namespace Terminal.PowerCut.Vm;

/// <summary>Where the harness finds the gpio-sim scripts and the terminal's build outputs in this checkout.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string GpioSim => Path.Combine(Root, "tests", "gpio-sim");

    /// <summary>The configuration this harness was built in; the terminal is taken from the same one.</summary>
    public static string Configuration =>
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>src/Terminal.Host's build output (holds terminal.dll): built before this harness (ProjectReference).</summary>
    public static string TerminalBuild => BuildOutput("src/Terminal.Host", "terminal.dll");

    /// <summary>src/Terminal.Cli's build output (holds terminalctl.dll).</summary>
    public static string TerminalctlBuild => BuildOutput("src/Terminal.Cli", "terminalctl.dll");

    /// <summary>tests/Terminal.Hardware.KernelChecks' build output: its <c>keyboard</c> command plays a USB card reader through uinput.</summary>
    public static string KernelChecksBuild => BuildOutput("tests/Terminal.Hardware.KernelChecks", "Terminal.Hardware.KernelChecks.dll");

    private static string BuildOutput(string project, string dll)
    {
        var dir = Path.Combine(Root, project, "bin", Configuration, "net10.0");
        return File.Exists(Path.Combine(dir, dll))
            ? dir
            : throw new InvalidOperationException($"{Path.Combine(dir, dll)} not found: build {project} -c {Configuration} first, or pass its output directory");
    }

    private static string FindRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
