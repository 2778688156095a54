using System.Net;
using System.Net.Sockets;
using Terminal.Browser.Tests.Support;
using Terminal.TestUtils.Processes;
using static Microsoft.Playwright.Assertions;

namespace Terminal.Browser.Tests.FrontPanel;

/// <summary>docs/front-panel.md#the-live-feed: driven live by the host; offline within 3 s when the host is gone, taps refused then.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveUpdateTests(PanelBrowser browser)
{
    private static readonly TimeSpan Offline = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task PhysicalKeyPress_UpdatesThePage_WithinOneFrameOfItsLed()
    {
        using var hall = new Hall();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri);
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync());
        await panel.WaitScreenAsync("closed");
        await panel.Page.EvaluateAsync(
            """
            () => {
              window.__frame = 0;
              const count = () => { window.__frame++; requestAnimationFrame(count); };
              requestAnimationFrame(count);
              window.__marks = {};
              new MutationObserver(() => {
                const led = document.querySelector('[data-key="k5"] .led');
                if (led && led.classList.contains('lit') && window.__marks.led === undefined) window.__marks.led = window.__frame;
                if (document.getElementById('display').dataset.screen === 'thanks' && window.__marks.screen === undefined) window.__marks.screen = window.__frame;
              }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['class', 'data-screen'] });
            }
            """);

        var printed = await terminal.CtlJsonAsync("sim", "press", "5");
        await panel.WaitScreenAsync("thanks");

        Assert.Contains(printed, e => e.GetProperty("type").GetString() == "rating");
        var led = await panel.Page.EvaluateAsync<int>("() => window.__marks.led ?? -100");
        var screen = await panel.Page.EvaluateAsync<int>("() => window.__marks.screen");
        Assert.True(led >= 0, "the k5 LED never lit on the virtual board");
        Assert.True(Math.Abs(screen - led) <= 1, $"LED lit in frame {led}, the screen turned in frame {screen}");
        await panel.ShootAsync("thanks-key-press");
    }

    [Fact]
    public async Task HostKilled_PageShowsOfflineWithin3s_RefusesATapVisibly_AndReconnectsWhenTheHostIsBack()
    {
        using var hall = new Hall();
        var dataDir = Directory.CreateTempSubdirectory("terminal-panel-").FullName;
        string[] fixedPort = [$"--Terminal:Panel:Listen=http://127.0.0.1:{FreePort()}"];
        try
        {
            using var first = await TerminalUnderTest.StartInAsync(dataDir, hall.Broker.Uri, fixedPort);
            await using var panel = await browser.OpenAsync(await first.PanelAsync());
            await first.CtlJsonAsync("sim", "key", "invite");
            await panel.WaitScreenAsync("prompting");

            var killed = await panel.WatchForOfflineAsync();
            first.Process.Kill();
            var shownAfter = await panel.OfflineShownAfterAsync(killed);
            Assert.True(shownAfter < Offline, $"offline shown after {shownAfter}");

            await panel.TapAsync("非常满意");
            await Expect(panel.Page.Locator("#toast")).ToHaveAttributeAsync("data-verdict", "offline");
            await Expect(panel.Page.Locator("#toast")).ToBeVisibleAsync();
            await panel.ShootAsync("offline-tap-refused");

            using var second = await TerminalUnderTest.StartInAsync(dataDir, hall.Broker.Uri, fixedPort);
            await panel.WaitOnlineAsync();
            await Expect(panel.Page.Locator("#offline")).ToBeHiddenAsync();
            await panel.WaitScreenAsync("closed");
            Assert.DoesNotContain(await second.CtlJsonAsync("buffer", "export"), e => e.GetProperty("type").GetString() == "rating");
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task HostHung_PageShowsOfflineWithin3s_AndIsBackOnceTheHostAnswers()
    {
        using var hall = new Hall();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri);
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync());
        await panel.WaitScreenAsync("closed");

        var stopped = await panel.WatchForOfflineAsync();
        terminal.Process.Signal(19); // SIGSTOP: the connection stays open, the host says nothing
        try
        {
            var shownAfter = await panel.OfflineShownAfterAsync(stopped);
            Assert.True(shownAfter < Offline, $"offline shown after {shownAfter}");
        }
        finally
        {
            terminal.Process.Signal(18); // SIGCONT
        }

        await panel.WaitOnlineAsync();
        await Expect(panel.Page.Locator("#offline")).ToBeHiddenAsync();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
