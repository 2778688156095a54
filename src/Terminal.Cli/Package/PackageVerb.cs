using System.CommandLine;

namespace Terminal.Cli.Package;

/// <summary><c>terminalctl package verify|sign</c>: update package signatures (deploy/README.md#on-the-device, docs/command-line.md).</summary>
internal static class PackageVerb
{
    public static Command Create() => new("package", "Check or make the signature of an update package (terminal_<version>_all.deb).")
    {
        PackageVerifyCommand.Create(),
        PackageSignCommand.Create(),
    };
}
