using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Package;

/// <summary>
/// Installs, removes and purges the real package with the real dpkg, inside a private mount
/// namespace where /etc, /usr and /var are overlays and /opt is a tmpfs: the maintainer scripts run
/// for real (user, group, symlink, purge) and the machine running the tests is left untouched.
/// </summary>
public sealed class MaintainerScriptsTests(BuiltPackages packages) : IClassFixture<BuiltPackages>
{
    private const string Lifecycle = """
        set -e
        tmp=$1; deb=$2
        for d in etc usr var; do
            mkdir -p "$tmp/$d-up" "$tmp/$d-work"
            mount -t overlay overlay -o "lowerdir=/$d,upperdir=$tmp/$d-up,workdir=$tmp/$d-work" "/$d"
        done
        mount -t tmpfs tmpfs /opt
        rm -rf /var/lib/terminal /etc/terminal
        dpkg -i --force-depends "$deb" >/dev/null 2>&1 || { echo "install failed"; dpkg -i --force-depends "$deb"; exit 1; }
        echo "user=$(getent passwd terminal | cut -d: -f1,6)"
        echo "groups= $(id -nG terminal) "
        echo "current=$(readlink /opt/terminal/current)"
        echo "etc=$(stat -c '%a %U:%G' /etc/terminal)"
        echo "enabled=$(test -L /etc/systemd/system/multi-user.target.wants/terminal.service && echo yes || echo no)"
        echo "terminalctl=$(test -x /usr/bin/terminalctl && echo yes)"
        echo "runs=$(/usr/bin/terminalctl --help >/dev/null 2>&1 && echo yes || echo no)"
        mkdir -p /var/lib/terminal && echo events > /var/lib/terminal/events.db
        echo '{}' > /etc/terminal/terminal.json
        dpkg -r terminal >/dev/null 2>&1
        echo "after-remove current=$(test -e /opt/terminal/current && echo present || echo gone) state=$(test -f /var/lib/terminal/events.db && echo kept || echo gone) config=$(test -f /etc/terminal/terminal.json && echo kept || echo gone)"
        dpkg -P terminal >/dev/null 2>&1
        echo "after-purge state=$(test -e /var/lib/terminal && echo kept || echo gone) config=$(test -e /etc/terminal && echo kept || echo gone) user=$(getent passwd terminal >/dev/null && echo kept || echo gone)"
        """;

    /// <summary>The portable package, and the self-contained one dpkg can install on this machine.</summary>
    public static TheoryData<string> Installable => ["all", "native"];

    [Theory]
    [MemberData(nameof(Installable))]
    public void InstallRemovePurge_CreatesUserSwitchesReleaseAndRemovesStateOnlyOnPurge(string architecture)
    {
        Run.Require("unshare", "util-linux");
        var package = packages[architecture == "native" ? Run.Tool("dpkg", "--print-architecture").Stdout.Trim() : architecture];
        using var tmp = new TempDir("maint-");

        var result = Run.Tool("unshare", ["--mount", "--propagation", "private", "bash", "-c", Lifecycle, "bash", tmp.Path, package.Deb], timeout: TimeSpan.FromMinutes(10));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Contains("user=terminal:/var/lib/terminal", lines);
        Assert.Contains(lines, l => l.StartsWith("groups=", StringComparison.Ordinal) && l.Contains(" gpio ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("groups=", StringComparison.Ordinal) && l.Contains(" audio ", StringComparison.Ordinal));
        Assert.Contains($"current=releases/{package.Version}", lines);
        Assert.Contains("etc=750 root:terminal", lines);
        Assert.Contains("enabled=yes", lines);
        Assert.Contains("terminalctl=yes", lines);
        Assert.Contains("runs=yes", lines); // the installed launcher starts the installed program
        Assert.Contains("after-remove current=gone state=kept config=kept", lines);
        Assert.Contains("after-purge state=gone config=gone user=gone", lines);
    }
}
