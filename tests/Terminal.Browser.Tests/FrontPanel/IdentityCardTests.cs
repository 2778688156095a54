using System.Text.Json.Nodes;
using Terminal.Browser.Tests.Support;
using Terminal.TestUtils.Processes;
using static Microsoft.Playwright.Assertions;

namespace Terminal.Browser.Tests.FrontPanel;

/// <summary>docs/front-panel.md#screens, docs/mqtt.md#staff-photos: the 亮身份 card from the roster on the broker, shown offline from the device's cache.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IdentityCardTests(PanelBrowser browser)
{
    [Fact]
    public async Task Idle_ShowsTheSignedInStaffCard_FromTheBrokersRoster_AndAgainAfterARestartWithTheBrokerDown()
    {
        using var hall = new Hall();
        await hall.PublishRosterAsync();
        var dataDir = Directory.CreateTempSubdirectory("terminal-panel-").FullName;
        try
        {
            using (var terminal = await TerminalUnderTest.StartInAsync(dataDir, hall.Broker.Uri))
            {
                await using var panel = await browser.OpenAsync(await terminal.PanelAsync());
                await panel.WaitScreenAsync("closed");
                await terminal.CtlJsonAsync("sim", "badge", Hall.Card, "--facility", Hall.Facility);

                await ExpectCardAsync(panel);
                await panel.ShootAsync("idle-card");
            }

            // Everything from the hall is gone: the broker and the photo server.
            hall.Broker.Stop();
            hall.Photos.Stop();
            using (var terminal = await TerminalUnderTest.StartInAsync(dataDir, hall.Broker.Uri))
            {
                await using var panel = await browser.OpenAsync(await terminal.PanelAsync());
                await terminal.CtlJsonAsync("sim", "badge", Hall.Card, "--facility", Hall.Facility);

                await ExpectCardAsync(panel);
                await panel.ShootAsync("idle-card-hall-offline");
            }

            Assert.Equal(1, hall.Photos.Requests("/photos/S-1034.png"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task PhotoFailingItsHash_IsNotShown_AndIsLoggedOnce()
    {
        using var hall = new Hall();
        var other = new JsonObject
        {
            ["staff"] = "S-2001",
            ["name"] = "李华",
            ["cards"] = new JsonArray("H10301:12:11111"),
            ["photo"] = new JsonObject { ["url"] = hall.Photos.Serve("/photos/S-2001.png", hall.Photo), ["sha256"] = new string('0', 64) },
        };
        await hall.PublishRosterAsync(extra: other);
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri);
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync());

        await terminal.CtlJsonAsync("sim", "badge", "11111", "--facility", "12");
        await Expect(panel.Page.Locator("#staff-name")).ToHaveTextAsync("李华", new() { Timeout = PanelPage.Wait });
        await terminal.Process.WaitForLineAsync(l => l.Contains("S-2001", StringComparison.Ordinal) && l.Contains("is not shown", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the refused photo's log line");
        await terminal.CtlJsonAsync("sim", "badge", "11111", "--facility", "12");
        await terminal.CtlJsonAsync("sim", "badge", "11111", "--facility", "12");

        await Expect(panel.Page.Locator("#staff-photo")).ToBeHiddenAsync();
        await Expect(panel.Page.Locator("#photo-none")).ToBeVisibleAsync();
        Assert.Single(terminal.Process.Lines(), l => l.Contains("S-2001", StringComparison.Ordinal) && l.Contains("is not shown", StringComparison.Ordinal));
        await panel.ShootAsync("idle-card-photo-refused");
    }

    private static async Task ExpectCardAsync(PanelPage panel)
    {
        var page = panel.Page;
        await panel.WaitScreenAsync("idle");
        await Expect(page.Locator("#staff-name")).ToHaveTextAsync("张敏", new() { Timeout = PanelPage.Wait });
        await Expect(page.Locator("#staff-id")).ToHaveTextAsync("S-1034");
        await Expect(page.Locator("#staff-title")).ToHaveTextAsync("综合窗口");
        await Expect(page.Locator("#staff-pledge")).ToHaveTextAsync("热情服务，一次办好");
        await Expect(page.Locator("#staff-badges")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("党员\\s*示范岗"));
        await Expect(page.Locator("#staff-stars")).ToHaveTextAsync("★★★★★");
        await Expect(page.Locator("#window-no")).ToHaveTextAsync("1");
        await Expect(page.Locator("#staff-photo")).ToBeVisibleAsync(new() { Timeout = PanelPage.Wait });
        await page.WaitForFunctionAsync("() => { const i = document.getElementById('staff-photo'); return i.complete && i.naturalWidth === 240; }", null, new() { Timeout = PanelPage.Wait });
    }
}
