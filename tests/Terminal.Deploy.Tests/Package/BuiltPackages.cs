using System.Collections.Concurrent;
using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Package;

/// <summary>
/// The real packages, terminal_&lt;v&gt;_{arm64,amd64,all}.deb, built once per test run by
/// deploy/build-package.sh (publishing self-contained ReadyToRun builds is slow) and shared by
/// every test class; each class unpacks the ones it uses into its own temporary root.
/// TERMINAL_DEB_DIR names a directory holding all three when CI built them already.
/// </summary>
public sealed class BuiltPackages : IDisposable
{
    /// <summary>Every package the build makes.</summary>
    public static readonly string[] Architectures = ["arm64", "amd64", "all"];

    private static readonly Lazy<string> Directory = new(PackageBuild.Run, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly TempDir _dir = new("package-");
    private readonly ConcurrentDictionary<string, Lazy<UnpackedPackage>> _unpacked = new();

    /// <summary>The package for <paramref name="architecture"/>, unpacked on first use.</summary>
    internal UnpackedPackage this[string architecture] =>
        _unpacked.GetOrAdd(architecture, a => new Lazy<UnpackedPackage>(() => Unpack(a))).Value;

    private UnpackedPackage Unpack(string architecture)
    {
        Run.Require("dpkg-deb", "dpkg");
        var debs = System.IO.Directory.GetFiles(Directory.Value, $"terminal_*_{architecture}.deb");
        Assert.True(debs.Length == 1, $"expected one terminal_*_{architecture}.deb in {Directory.Value}, found {debs.Length}");
        var root = _dir[architecture];
        var unpack = Run.Tool("dpkg-deb", "-x", debs[0], root);
        Assert.True(unpack.ExitCode == 0, unpack.ToString());
        var version = Run.Tool("dpkg-deb", "--field", debs[0], "Version").Stdout.Trim();
        return new UnpackedPackage(architecture, debs[0], version, root);
    }

    public void Dispose() => _dir.Dispose();
}
