using System.Globalization;
using System.Text.RegularExpressions;
using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Service;

public sealed partial class ServiceUnitTests
{
    private static readonly string Unit = File.ReadAllText(Repo.Deploy("terminal.service"));

    [Fact]
    public void SecurityAnalysis_ExposureIsAtMostTwo()
    {
        Run.Require("systemd-analyze", "systemd");

        var result = Run.Tool("systemd-analyze", "security", "--offline=yes", "--no-pager", Repo.Deploy("terminal.service"));

        var match = ExposureLine().Match(result.Stdout);
        Assert.True(match.Success, result.ToString());
        var exposure = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(exposure <= 2.0, $"exposure {exposure} > 2.0\n{result.Stdout}");
    }

    [Theory]
    [InlineData("Type=notify")]
    [InlineData("WatchdogSec=30")]
    [InlineData("Restart=on-failure")]
    [InlineData("User=terminal")]
    [InlineData("SupplementaryGroups=gpio audio")]
    [InlineData("StateDirectory=terminal")]
    [InlineData("RuntimeDirectory=terminal")]
    [InlineData("ConfigurationDirectory=terminal")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("PrivateTmp=yes")]
    [InlineData("NoNewPrivileges=yes")]
    [InlineData("DevicePolicy=closed")]
    [InlineData("DeviceAllow=char-gpiochip rw")]
    [InlineData("DeviceAllow=char-alsa rw")]
    [InlineData("ExecStart=/opt/terminal/current/terminal")]
    public void Unit_HasDirective(string directive)
    {
        Assert.Contains(directive, Unit.Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void Unit_KeepsReadOnlyClockStatusAndBootIdReadable()
    {
        // SPEC §3.3: clockSynced needs adjtimex() (ProtectClock blocks it), the boot id lives in /proc/sys.
        var lines = Unit.Split('\n').Select(l => l.Trim()).ToList();
        Assert.DoesNotContain("ProtectClock=yes", lines);
        Assert.DoesNotContain("ProcSubset=pid", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("SystemCallFilter=~", StringComparison.Ordinal) && l.Contains("@clock", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"Overall exposure level for terminal\.service: (\d+\.\d+)")]
    private static partial Regex ExposureLine();
}
