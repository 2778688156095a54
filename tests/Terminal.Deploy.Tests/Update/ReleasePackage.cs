using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Update;

/// <summary>Builds a small terminal_VERSION_ARCH.deb with the release layout of the real packages.</summary>
internal static class ReleasePackage
{
    public static string Build(string directory, string version, string behaviour, string architecture = "all", string name = "terminal")
    {
        var root = System.IO.Path.Combine(directory, $"pkg-{name}-{version}-{architecture}");
        var release = System.IO.Path.Combine(root, "opt/terminal/releases", version);
        Directory.CreateDirectory(release);
        Directory.CreateDirectory(System.IO.Path.Combine(root, "DEBIAN"));
        File.WriteAllText(System.IO.Path.Combine(release, "terminal.dll"), "release " + version);
        File.WriteAllText(System.IO.Path.Combine(release, "stand-in-behaviour"), behaviour);
        DeviceRoot.WriteLauncher(release);
        File.WriteAllText(System.IO.Path.Combine(root, "DEBIAN/control"), $"""
            Package: {name}
            Version: {version}
            Architecture: {architecture}
            Maintainer: Test <test@example.org>
            Description: test release
             test release

            """);
        var deb = System.IO.Path.Combine(directory, $"{name}_{version}_{architecture}.deb");
        var result = Run.Tool("dpkg-deb", "--root-owner-group", "--build", root, deb);
        Assert.True(result.ExitCode == 0, result.ToString());
        return deb;
    }
}
