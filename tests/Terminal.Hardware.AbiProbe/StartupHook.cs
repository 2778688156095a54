using System.Reflection;
using Terminal.Hardware.AbiProbe;

/// <summary>
/// Set as <c>DOTNET_STARTUP_HOOKS</c> of a shipped terminal (e.g. the arm64 package's, under
/// qemu): prints the .NET side of the GPIO ABI as that program's runtime and Terminal.Hardware
/// lay it out, one "kind name value" line each, and exits before the program's Main.
/// </summary>
#pragma warning disable CA1050 // The runtime looks for a type named StartupHook outside any namespace.
public static class StartupHook
#pragma warning restore CA1050
{
    /// <summary>Called by the runtime before Main.</summary>
    public static void Initialize()
    {
        var hardware = Assembly.Load("Terminal.Hardware");
        Console.Out.Write(AbiListing.Format(DotnetAbi.Read(hardware, new RuntimeLayout())));
        Console.Out.Flush();
        Environment.Exit(0);
    }
}
