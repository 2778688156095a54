using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Package;

public sealed class DebianPackageTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    [Fact]
    public void FileName_IsTerminalVersionAll()
    {
        Assert.Equal($"terminal_{package.Version}_all.deb", Path.GetFileName(package.Deb));
    }

    [Fact]
    public void Info_DeclaresPackageArchitectureAndRuntimeDependency()
    {
        var info = Run.Tool("dpkg-deb", "--info", package.Deb);

        Assert.Equal(0, info.ExitCode);
        Assert.Contains(" Package: terminal\n", info.Stdout, StringComparison.Ordinal);
        Assert.Contains(" Architecture: all\n", info.Stdout, StringComparison.Ordinal);
        Assert.Contains("aspnetcore-runtime-10.0", info.Stdout, StringComparison.Ordinal);
        foreach (var script in new[] { "postinst", "prerm", "postrm", "md5sums" })
        {
            Assert.Contains(" " + script, info.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("./usr/lib/systemd/system/terminal.service")]
    [InlineData("./usr/lib/systemd/system/terminal-firstboot.service")]
    [InlineData("./usr/lib/systemd/system/terminal-update-request.path")]
    [InlineData("./usr/lib/systemd/system/terminal-update-request.service")]
    [InlineData("./usr/bin/terminalctl")]
    [InlineData("./usr/sbin/terminal-update")]
    [InlineData("./usr/libexec/terminal/terminal-firstboot")]
    [InlineData("./usr/share/doc/terminal/copyright")]
    [InlineData("./usr/share/doc/terminal/changelog.gz")]
    [InlineData("./usr/share/lintian/overrides/terminal")]
    public void Contents_HasSystemFile(string path)
    {
        var contents = Run.Tool("dpkg-deb", "--contents", package.Deb).Stdout;

        Assert.Contains(" " + path + "\n", contents, StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_DoesNotShipTheCurrentSymlink()
    {
        // postinst and terminal-update own it: dpkg would otherwise undo a rollback on the next upgrade.
        var contents = Run.Tool("dpkg-deb", "--contents", package.Deb).Stdout;

        Assert.DoesNotContain("./opt/terminal/current", contents, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("terminal.dll")]
    [InlineData("terminal.runtimeconfig.json")]
    [InlineData("terminalctl.dll")]
    [InlineData("terminalctl.runtimeconfig.json")]
    [InlineData("appsettings.json")]
    [InlineData("runtimes/linux-arm64/native/libe_sqlite3.so")]
    [InlineData("runtimes/linux-arm/native/libe_sqlite3.so")]
    [InlineData("runtimes/linux-x64/native/libe_sqlite3.so")]
    public void Unpacked_ReleaseHasPortableProgramAndNativeSqlite(string file)
    {
        Assert.True(File.Exists(Path.Combine(package.Release, file)), file + " missing in " + package.Release);
    }

    [Fact]
    public void Unpacked_ReleaseHasNoApphostNorOtherPlatforms()
    {
        Assert.False(File.Exists(Path.Combine(package.Release, "terminal")));
        Assert.False(File.Exists(Path.Combine(package.Release, "terminalctl")));
        var platforms = Directory.GetDirectories(Path.Combine(package.Release, "runtimes")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["linux-arm", "linux-arm64", "linux-x64"], platforms);
    }

    [Theory]
    [InlineData("prompt.wav")]
    [InlineData("thanks.wav")]
    [InlineData("reason.wav")]
    public void Unpacked_ReleaseShipsTheVoicePrompts_AndDependsOnLibasound(string file)
    {
        // SPEC §3.4: made by deploy/voice/make-prompts.sh (espeak-ng), played through libasound.
        var wav = File.ReadAllBytes(Path.Combine(package.Release, "voice", file));
        var info = Run.Tool("dpkg-deb", "--field", package.Deb, "Depends").Stdout;

        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.True(wav.Length > 20_000, $"{file} is only {wav.Length} bytes");
        Assert.Contains("libasound2", info, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpacked_RuntimeConfigNeedsDotnet10()
    {
        var config = File.ReadAllText(Path.Combine(package.Release, "terminal.runtimeconfig.json"));

        Assert.Contains("\"version\": \"10.0", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpacked_TerminalctlWrapperRunsCurrentRelease()
    {
        var wrapper = Path.Combine(package.Unpacked, "usr/bin/terminalctl");

        Assert.Contains("/usr/bin/dotnet /opt/terminal/current/terminalctl.dll", File.ReadAllText(wrapper), StringComparison.Ordinal);
        Assert.True(File.GetUnixFileMode(wrapper).HasFlag(UnixFileMode.OtherExecute));
    }

    [Fact]
    public void Lintian_ReportsNoErrorsNorWarnings()
    {
        Run.Require("lintian", "lintian");

        var result = Run.Tool("lintian", ["--fail-on", "error,warning", package.Deb], timeout: TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("E: ", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("W: ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MaintainerScripts_AreValidShell()
    {
        var control = Path.Combine(package.Unpacked, "..", "control");
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
}
