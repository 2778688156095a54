using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Package;

/// <summary>
/// The real package, built once for all package tests by deploy/build-package.sh (or taken from
/// TERMINAL_DEB when CI built it already), and unpacked into a temporary root.
/// </summary>
public sealed class BuiltPackage : IDisposable
{
    private readonly TempDir _dir = new("package-");

    public BuiltPackage()
    {
        Run.Require("dpkg-deb", "dpkg");
        var given = Environment.GetEnvironmentVariable("TERMINAL_DEB");
        if (!string.IsNullOrEmpty(given))
        {
            Deb = given;
        }
        else
        {
            // A clean environment, as on a build machine: the test host's variables (NuGet signature
            // verification, MSBuild node settings) make the nested restore fail without a message.
            string[] clean = ["-i", .. Keep("PATH", "HOME", "NUGET_PACKAGES", "DOTNET_ROOT", "MSBUILDDISABLENODEREUSE", "DOTNET_CLI_USE_MSBUILD_SERVER")];
            var result = Run.Tool(
                "env",
                [.. clean, Repo.Deploy("build-package.sh"), "--out", _dir["out"], "--version", Version],
                timeout: TimeSpan.FromMinutes(15),
                workingDirectory: Repo.Root);
            Assert.True(result.ExitCode == 0, result.ToString());
            Deb = result.Stdout.Trim().Split('\n')[^1];
        }

        Version = Run.Tool("dpkg-deb", "--field", Deb, "Version").Stdout.Trim();
        Unpacked = _dir["root"];
        var unpack = Run.Tool("dpkg-deb", "-x", Deb, Unpacked);
        Assert.True(unpack.ExitCode == 0, unpack.ToString());
    }

    public string Deb { get; }

    private static IEnumerable<string> Keep(params string[] names) =>
        names.Where(n => Environment.GetEnvironmentVariable(n) is not null)
            .Select(n => n + "=" + Environment.GetEnvironmentVariable(n));

    public string Version { get; } = "0.0.1~test";

    public string Unpacked { get; }

    public string Release => Path.Combine(Unpacked, "opt/terminal/releases", Version);

    public void Dispose() => _dir.Dispose();
}
