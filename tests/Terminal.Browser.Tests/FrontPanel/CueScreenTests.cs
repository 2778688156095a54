using Terminal.Browser.Tests.Support;
using Terminal.TestUtils.Processes;
using static Microsoft.Playwright.Assertions;

namespace Terminal.Browser.Tests.FrontPanel;

/// <summary>
/// docs/front-panel.md#screens: what staff see besides ratings: signed in, 暂离 and back, an unknown card,
/// storage full, as the cue table says; and a banner while a part is faulty.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CueScreenTests(PanelBrowser browser)
{
    [Fact]
    public async Task SignedIn_Paused_Resumed_UnknownCard_AndStorageFull_AreShownAsTheCueTableSays()
    {
        using var hall = new Hall();
        await hall.PublishRosterAsync();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri, "--Terminal:Buffer:MaxEvents=6", "--Terminal:Rating:Cooldown=00:00:00");
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync());
        var page = panel.Page;
        hall.Broker.Stop();

        await terminal.CtlJsonAsync("sim", "badge", Hall.Card, "--facility", Hall.Facility);
        await ExpectNoticeAsync(panel, "signed-in", "张敏 已签到");
        await panel.ShootAsync("notice-signed-in");

        await terminal.CtlJsonAsync("sim", "key", "pause");
        await panel.WaitScreenAsync("paused");
        await Expect(page.Locator("#screen-paused h1")).ToHaveTextAsync("暂离");
        await Expect(page.Locator("#paused-name")).ToContainTextAsync("张敏");
        await ExpectNoticeAsync(panel, "paused", "暂离");
        await panel.ShootAsync("paused");
        await terminal.CtlJsonAsync("sim", "key", "pause");
        await panel.WaitScreenAsync("idle");
        await ExpectNoticeAsync(panel, "resumed", "欢迎回来");

        await terminal.CtlJsonAsync("sim", "badge", "55555", "--facility", "12");
        await ExpectNoticeAsync(panel, "unknown-card", "未登记的卡，已记录");
        await Expect(page.Locator("#staff-name")).ToHaveTextAsync("未登记的工作人员");
        await panel.ShootAsync("notice-unknown-card");

        for (var i = 0; i < 6 && await panel.Display.GetAttributeAsync("data-screen") != "storage-full"; i++)
        {
            await terminal.CtlJsonAsync("sim", "press", "5");
        }

        await panel.WaitScreenAsync("storage-full");
        await Expect(page.Locator("#screen-storage-full h1")).ToHaveTextAsync("暂时无法评价");
        await Expect(page.Locator("#faults")).ToContainTextAsync("存储已满");
        await panel.ShootAsync("storage-full");
    }

    [Fact]
    public async Task StuckKey_ShowsTheFaultBanner_UntilItIsReleased()
    {
        using var hall = new Hall();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri, "--Terminal:Rating:StuckAfter=00:00:01");
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync());
        await Expect(panel.Page.Locator("#faults")).ToBeHiddenAsync();

        var held = terminal.CtlJsonAsync("sim", "key", "k5", "--hold-ms", "6000");
        await Expect(panel.Page.Locator("#faults")).ToHaveTextAsync("设备故障：按键卡住", new() { Timeout = PanelPage.Wait });
        await Expect(panel.Page.Locator("#faults")).ToHaveAttributeAsync("data-codes", "key-stuck");
        await panel.ShootAsync("fault-key-stuck");
        Assert.Contains(await held, e => e.GetProperty("type").GetString() == "fault" && e.GetProperty("data").GetProperty("code").GetString() == "key-released");

        await Expect(panel.Page.Locator("#faults")).ToBeHiddenAsync(new() { Timeout = PanelPage.Wait });
    }

    private static async Task ExpectNoticeAsync(PanelPage panel, string kind, string text)
    {
        await Expect(panel.Page.Locator("#notice")).ToHaveAttributeAsync("data-kind", kind, new() { Timeout = PanelPage.Wait });
        await Expect(panel.Page.Locator("#notice")).ToHaveTextAsync(text);
    }
}
