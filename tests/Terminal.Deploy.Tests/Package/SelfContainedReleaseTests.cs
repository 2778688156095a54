using System.Reflection.PortableExecutable;
using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Package;

/// <summary>
/// terminal_&lt;v&gt;_arm64.deb and _amd64.deb (deploy/README.md#on-the-device): the runtime inside, our assemblies
/// compiled ahead of time, native code for that architecture only, and nothing needed from the
/// system that Depends does not name.
/// </summary>
public sealed class SelfContainedReleaseTests(BuiltPackages packages) : IClassFixture<BuiltPackages>
{
    /// <summary>Which Debian package provides each soname the runtime's ELF files need.</summary>
    private static readonly Dictionary<string, string> Providers = new()
    {
        ["libc.so.6"] = "libc6", ["libm.so.6"] = "libc6", ["libdl.so.2"] = "libc6", ["libpthread.so.0"] = "libc6",
        ["librt.so.1"] = "libc6", ["ld-linux-aarch64.so.1"] = "libc6", ["ld-linux-x86-64.so.2"] = "libc6",
        ["libstdc++.so.6"] = "libstdc++6", ["libgcc_s.so.1"] = "libgcc-s1",
    };

    public static TheoryData<string> Architectures => ["arm64", "amd64"];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Release_HasTheRuntimeAndBothPrograms(string architecture)
    {
        var release = packages[architecture].Release;

        foreach (var file in new[] { "terminal", "terminalctl", "terminal.dll", "terminalctl.dll", "libcoreclr.so", "libclrjit.so", "libhostfxr.so",
            "System.Private.CoreLib.dll", "Microsoft.AspNetCore.Server.Kestrel.Core.dll", "libe_sqlite3.so", "board-config/simulator.json" })
        {
            Assert.True(File.Exists(Path.Combine(release, file)), file + " missing in " + release);
        }

        Assert.Contains("\"includedFrameworks\"", File.ReadAllText(Path.Combine(release, "terminal.runtimeconfig.json")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Release_EveryNativeFileIsForItsArchitecture(string architecture)
    {
        var release = packages[architecture].Release;
        var native = Directory.EnumerateFiles(release, "*", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(release, f), Machine: Elf.Machine(f)))
            .Where(f => f.Machine is not null)
            .ToList();

        Assert.True(native.Count >= 10, $"only {native.Count} ELF files");
        Assert.All(native, f => Assert.True(f.Machine == Elf.Machines[architecture], $"{f.File}: e_machine {f.Machine}"));
        Assert.False(Directory.Exists(Path.Combine(release, "runtimes")), "native libraries of other platforms");
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Release_LeavesOutDebuggerTracingAndStandaloneGcs(string architecture)
    {
        var release = packages[architecture].Release;

        foreach (var file in new[] { "createdump", "libmscordaccore.so", "libmscordbi.so", "libcoreclrtraceptprovider.so", "libclrgc.so", "libclrgcexp.so" })
        {
            Assert.False(File.Exists(Path.Combine(release, file)), file);
        }

        Assert.Empty(Directory.GetFiles(release, "*.pdb"));
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Release_OurAssembliesAreReadyToRun(string architecture)
    {
        var release = packages[architecture].Release;
        var ours = Directory.GetFiles(release, "Terminal.*.dll").Concat([Path.Combine(release, "terminal.dll"), Path.Combine(release, "terminalctl.dll")]).ToList();

        Assert.True(ours.Count >= 6, string.Join(", ", ours));
        Assert.All(ours, assembly =>
        {
            using var pe = new PEReader(File.OpenRead(assembly));
            // A ReadyToRun image carries native code behind the CLI header's ManagedNativeHeader.
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, Path.GetFileName(assembly) + " is IL only");
        });
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Release_HostAndFrameworkAreOneCompositeImage_TerminalctlCompiledApart(string architecture)
    {
        var release = packages[architecture].Release;
        const string component = "composite component";
        var expected = new Dictionary<string, string>
        {
            ["terminal.dll"] = component, ["Terminal.Core.dll"] = component, ["Terminal.Storage.dll"] = component,
            ["System.Private.CoreLib.dll"] = component, ["Microsoft.AspNetCore.Server.Kestrel.Core.dll"] = component,
            ["Microsoft.Data.Sqlite.dll"] = component, ["terminalctl.dll"] = "ReadyToRun", ["System.CommandLine.dll"] = "ReadyToRun",
        };

        Assert.True(File.Exists(Path.Combine(release, "terminal.r2r.dll")), "terminal.r2r.dll (the composite image) missing in " + release);
        Assert.Equal(expected, expected.Keys.ToDictionary(file => file, file => ReadyToRunImage.Kind(Path.Combine(release, file))));
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Depends_NamesEveryLibraryTheNativeFilesNeed(string architecture)
    {
        var package = packages[architecture];
        var depends = Run.Tool("dpkg-deb", "--field", package.Deb, "Depends").Stdout;
        var shipped = Directory.GetFiles(package.Release).Select(Path.GetFileName).ToHashSet();

        var needed = Directory.GetFiles(package.Release)
            .Where(f => Elf.Machine(f) is not null)
            .SelectMany(Elf.Needed)
            .Where(soname => !shipped.Contains(soname))
            .Distinct()
            .ToList();

        Assert.Contains("libc.so.6", needed);
        Assert.All(needed, soname =>
        {
            Assert.True(Providers.TryGetValue(soname, out var provider), $"{soname} is needed but no Debian package is known for it");
            Assert.Contains(provider, depends, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("arm64", 32)]
    [InlineData("amd64", 35)]
    public void Size_StaysInCheck(string architecture, int megabytes)
    {
        // Measured 28.1 MB (arm64) and 31.5 MB (amd64) untrimmed with xz, the host as one composite image
        // of what it loads: deploy/README.md says what is inside and why.
        var size = new FileInfo(packages[architecture].Deb).Length;

        Assert.True(size < megabytes * 1_000_000L, $"{size / 1_000_000.0:0.0} MB");
    }
}
