using Terminal.Core.Settings;
using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Service;

/// <summary>deploy/terminal-kiosk.service: Chromium in kiosk mode on the local page, after the terminal, restarted if it dies (deploy/README.md section 4).</summary>
public sealed class KioskUnitTests
{
    private static readonly string[] Lines = [.. File.ReadAllText(Repo.Deploy("terminal-kiosk.service")).Split('\n').Select(l => l.Trim())];

    [Fact]
    public void Unit_IsValid_ButForTheBrowserItNeedsInstalled()
    {
        Run.Require("systemd-analyze", "systemd");

        var result = Run.Tool("systemd-analyze", "verify", Repo.Deploy("terminal-kiosk.service"));

        // cage and chromium are the engineer's to install (deploy/README.md): their absence is the only complaint allowed.
        var complaints = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !(l.Contains("is not executable", StringComparison.Ordinal) && (l.Contains("/usr/bin/cage", StringComparison.Ordinal) || l.Contains("/usr/bin/chromium", StringComparison.Ordinal))));
        Assert.Empty(complaints);
    }

    [Theory]
    [InlineData("Wants=terminal.service")]
    [InlineData("Restart=always")]
    [InlineData("DynamicUser=yes")]
    [InlineData("PAMName=login")]
    [InlineData("WantedBy=graphical.target")]
    public void Unit_HasDirective(string directive)
    {
        Assert.Contains(directive, Lines);
    }

    [Fact]
    public void Browser_StartsAfterTheTerminal_InKioskMode_OnItsPage()
    {
        Assert.Contains(Lines, l => l.StartsWith("After=", StringComparison.Ordinal) && l.Split(' ', '=').Contains("terminal.service"));
        var exec = Assert.Single(Lines, l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        Assert.Contains("/usr/bin/chromium --kiosk", exec, StringComparison.Ordinal);
        Assert.EndsWith("--app=http://${PANEL_HOST}:${PANEL_PORT}/", exec, StringComparison.Ordinal);
    }

    [Fact]
    public void PageAddress_IsTheDefaultOfPanelListen()
    {
        var listen = new Uri(TerminalSettings.Panel.Listen.DefaultText!);

        Assert.Contains($"Environment=PANEL_HOST={listen.Host} PANEL_PORT={listen.Port}", Lines);
    }
}
