using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Package;

/// <summary>What every package holds and declares (deploy/README.md#on-the-device); the release trees are checked in
/// PortableReleaseTests and SelfContainedReleaseTests.</summary>
public sealed class DebianPackageTests(BuiltPackages packages) : IClassFixture<BuiltPackages>
{
    private static readonly string[] SystemFiles =
    [
        "./usr/lib/systemd/system/terminal.service", "./usr/lib/systemd/system/terminal-firstboot.service",
        "./usr/lib/systemd/system/terminal-update-request.path", "./usr/lib/systemd/system/terminal-update-request.service",
        "./usr/lib/systemd/system/terminal-kiosk.service",
        "./usr/bin/terminalctl", "./usr/sbin/terminal-update", "./usr/libexec/terminal/terminal-firstboot",
        "./usr/share/doc/terminal/copyright", "./usr/share/doc/terminal/changelog.gz", "./usr/share/lintian/overrides/terminal",
    ];

    public static TheoryData<string> Architectures => [.. BuiltPackages.Architectures];

    [Theory]
    [MemberData(nameof(Architectures))]
    public void FileName_IsTerminalVersionArchitecture(string architecture)
    {
        var package = packages[architecture];

        Assert.Equal($"terminal_{package.Version}_{architecture}.deb", Path.GetFileName(package.Deb));
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Info_DeclaresPackageArchitectureAndMaintainerScripts(string architecture)
    {
        var info = Run.Tool("dpkg-deb", "--info", packages[architecture].Deb);

        Assert.Equal(0, info.ExitCode);
        Assert.Contains(" Package: terminal\n", info.Stdout, StringComparison.Ordinal);
        Assert.Contains($" Architecture: {architecture}\n", info.Stdout, StringComparison.Ordinal);
        foreach (var script in new[] { "postinst", "prerm", "postrm", "md5sums" })
        {
            Assert.Contains(" " + script, info.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Depends_PortablePackageNeedsTheRuntime()
    {
        var depends = Field("all", "Depends");

        Assert.Contains("aspnetcore-runtime-10.0", depends, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arm64")]
    [InlineData("amd64")]
    public void Depends_SelfContainedPackageNeedsNoRuntimeButTheLibrariesItLoads(string architecture)
    {
        var depends = Field(architecture, "Depends");

        Assert.DoesNotContain("aspnetcore", depends, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet", depends, StringComparison.Ordinal);
        Assert.Contains("libssl3 | libssl3t64", depends, StringComparison.Ordinal);
        Assert.Contains("libstdc++6", depends, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Contents_HasEverySystemFileAndNoCurrentSymlink(string architecture)
    {
        var contents = Run.Tool("dpkg-deb", "--contents", packages[architecture].Deb).Stdout;

        Assert.All(SystemFiles, path => Assert.Contains(" " + path + "\n", contents, StringComparison.Ordinal));
        // postinst and terminal-update own it: dpkg would otherwise undo a rollback on the next upgrade.
        Assert.DoesNotContain("./opt/terminal/current", contents, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Launchers_AreExecutableAndStartedByUnitAndWrapper(string architecture)
    {
        var package = packages[architecture];

        foreach (var program in new[] { "terminal", "terminalctl" })
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(package.Release, program)).HasFlag(UnixFileMode.OtherExecute), program);
        }

        var wrapper = Path.Combine(package.Root, "usr/bin/terminalctl");
        Assert.Contains("exec /opt/terminal/current/terminalctl \"$@\"", File.ReadAllText(wrapper), StringComparison.Ordinal);
        Assert.Contains("ExecStart=/opt/terminal/current/terminal\n", File.ReadAllText(Path.Combine(package.Root, "usr/lib/systemd/system/terminal.service")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Release_ShipsTheVoicePrompts_AndDependsOnLibasound(string architecture)
    {
        // docs/configuration.md#voice: made by deploy/voice/make-prompts.sh (espeak-ng), played through libasound.
        var package = packages[architecture];

        Assert.All(new[] { "prompt.wav", "thanks.wav", "reason.wav" }, file =>
        {
            var wav = File.ReadAllBytes(Path.Combine(package.Release, "voice", file));
            Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
            Assert.True(wav.Length > 20_000, $"{file} is only {wav.Length} bytes");
        });
        Assert.Contains("libasound2 | libasound2t64", Field(architecture, "Depends"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void RuntimeConfig_CarriesTheSmallBoardSettings(string architecture)
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(packages[architecture].Release, "terminal.runtimeconfig.json")))!;
        var properties = config["runtimeOptions"]!["configProperties"]!;

        Assert.False((bool)properties["System.GC.Server"]!);
        Assert.False((bool)properties["System.GC.Concurrent"]!);
        Assert.False((bool)properties["System.Runtime.TieredPGO"]!);
        Assert.Equal(0, (int)properties["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]!);
        Assert.Equal(64L << 20, (long)properties["System.GC.HeapHardLimit"]!);
        Assert.False((bool)properties["System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported"]!);
    }

    [Fact]
    public void Lintian_ReportsNoErrorsNorWarnings_ForEveryPackage()
    {
        Run.Require("lintian", "lintian");

        var result = Run.Tool("lintian", ["--fail-on", "error,warning", .. BuiltPackages.Architectures.Select(a => packages[a].Deb)], timeout: TimeSpan.FromMinutes(15));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("E: ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("W: ", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void MaintainerScripts_AreValidShell(string architecture)
    {
        var package = packages[architecture];
        var control = Path.Combine(package.Root, "..", architecture + "-control");
        Assert.Equal(0, Run.Tool("dpkg-deb", "-e", package.Deb, control).ExitCode);
        foreach (var script in new[] { "postinst", "prerm", "postrm" })
        {
            var check = Run.Tool("sh", "-n", Path.Combine(control, script));
            Assert.True(check.ExitCode == 0, script + ": " + check);
            Assert.Contains("set -e", File.ReadAllText(Path.Combine(control, script)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Postrm_RemovesStateOnlyOnPurge()
    {
        var postrm = File.ReadAllText(Repo.Deploy("debian/postrm"));
        var purge = postrm[postrm.IndexOf("purge)", StringComparison.Ordinal)..];
        var remove = postrm[postrm.IndexOf("remove)", StringComparison.Ordinal)..postrm.IndexOf("purge)", StringComparison.Ordinal)];

        Assert.Contains("/var/lib/terminal", purge, StringComparison.Ordinal);
        Assert.DoesNotContain("/var/lib/terminal", remove, StringComparison.Ordinal);
        Assert.DoesNotContain("/etc/terminal", remove, StringComparison.Ordinal);
    }

    private string Field(string architecture, string name) =>
        Run.Tool("dpkg-deb", "--field", packages[architecture].Deb, name).Stdout.Trim();
}
