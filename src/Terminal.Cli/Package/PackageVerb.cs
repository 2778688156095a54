using System.CommandLine;

namespace Terminal.Cli.Package;

/// <summary><c>terminalctl package verify|sign</c>: update package signatures (SPEC §7, §10).</summary>
internal static class PackageVerb
{
    public static Command Create() => new("package", "Check or make the signature of an update package (terminal_<version>_all.deb).")
    {
        PackageVerifyCommand.Create(),
        PackageSignCommand.Create(),
    };
}
