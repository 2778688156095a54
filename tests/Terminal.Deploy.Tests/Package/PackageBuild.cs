using System.Security.Cryptography;
using System.Text;
using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Package;

/// <summary>
/// Runs deploy/build-package.sh for all three architectures. On a clean checkout the result is
/// kept under the temp directory keyed by the commit's tree and the SDK, so running the tests
/// again on the same commit does not publish again; a modified tree always builds afresh.
/// </summary>
internal static class PackageBuild
{
    public const string Version = "0.0.1~test";

    public static string Run()
    {
        var given = Environment.GetEnvironmentVariable("TERMINAL_DEB_DIR");
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        var cache = CacheDirectory();
        if (cache is not null && BuiltPackages.Architectures.All(a => File.Exists(Path.Combine(cache, $"terminal_{Version}_{a}.deb"))))
        {
            return cache;
        }

        var output = cache ?? Directory.CreateTempSubdirectory("terminal-deb-").FullName;
        if (cache is null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(output, recursive: true);
        }

        // A clean environment, as on a build machine: the test host's variables (NuGet signature
        // verification, MSBuild node settings) make the nested restore fail without a message.
        string[] clean = ["-i", .. Keep("PATH", "HOME", "NUGET_PACKAGES", "DOTNET_ROOT", "MSBUILDDISABLENODEREUSE", "DOTNET_CLI_USE_MSBUILD_SERVER")];
        var result = Support.Run.Tool(
            "env",
            [.. clean, Repo.Deploy("build-package.sh"), "--out", output, "--version", Version],
            timeout: TimeSpan.FromMinutes(30),
            workingDirectory: Repo.Root);
        Assert.True(result.ExitCode == 0, result.ToString());
        return output;
    }

    /// <summary>temp/terminal-deb-cache/&lt;tree hash + SDK&gt; for a clean git tree, else null.</summary>
    private static string? CacheDirectory()
    {
        var status = Support.Run.Tool("git", ["-C", Repo.Root, "status", "--porcelain"]);
        var tree = Support.Run.Tool("git", ["-C", Repo.Root, "rev-parse", "HEAD^{tree}"]);
        var sdk = Support.Run.Tool("dotnet", ["--version"]);
        if (status.ExitCode != 0 || status.Stdout.Length > 0 || tree.ExitCode != 0 || sdk.ExitCode != 0)
        {
            return null;
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tree.Stdout.Trim() + " " + sdk.Stdout.Trim())))[..16];
        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "terminal-deb-cache", key)).FullName;
    }

    private static IEnumerable<string> Keep(params string[] names) =>
        names.Where(n => Environment.GetEnvironmentVariable(n) is not null)
            .Select(n => n + "=" + Environment.GetEnvironmentVariable(n));
}
