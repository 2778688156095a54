using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Terminal.Browser.Tests.Support;
using Terminal.Hardware.Wiegand;
using Terminal.TestUtils.Processes;
using static Microsoft.Playwright.Assertions;

namespace Terminal.Browser.Tests.FrontPanel;

/// <summary>
/// docs/front-panel.md#virtual-board: under <c>--simulate</c> the page is also the board; a click, a typed card number, a
/// raw frame, a card's UID and a USB reader's digits go through the simulated board exactly as
/// <c>terminalctl sim press|badge|wiegand|card|type</c> do.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VirtualBoardTests(PanelBrowser browser)
{
    // Every press its own rating, every swipe a change of state: the two paths can be compared event for event.
    private static readonly string[] Settings = ["--Terminal:Rating:Cooldown=00:00:00", "--Terminal:Attendance:DuplicateWindow=00:00:00"];

    [Fact]
    public async Task ClickingAKeyAndTypingACardNumber_GiveTheSameEventsAsTerminalctl()
    {
        using var hall = new Hall();
        await hall.PublishRosterAsync();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri, Settings);
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync(), 1280, 720);
        var page = panel.Page;
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        await Expect(page.Locator("#board-keys button")).ToHaveCountAsync(14);

        // With no cooldown the pressed key's LED is lit only for a moment: the page notes every LED it lit.
        await page.EvaluateAsync("() => { window.__lit = new Set(); new MutationObserver(() => document.querySelectorAll('#board-keys .led.lit').forEach(l => window.__lit.add(l.parentElement.dataset.key))).observe(document.getElementById('board-keys'), { attributes: true, subtree: true, attributeFilter: ['class'] }); }");
        var clicked = await BoardAsync(page, () => page.Locator("[data-key='k3']").ClickAsync());
        var pressed = await terminal.CtlJsonAsync("sim", "press", "3");
        AssertSame(clicked, pressed);
        Assert.Contains(clicked, e => e.GetProperty("type").GetString() == "rating" && e.GetProperty("data").GetProperty("key").GetString() == "k3");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__lit.has('k3')"), "k3's LED never lit on the virtual board");

        await page.Locator("#badge-number").FillAsync(Hall.Card);
        await page.Locator("#badge-facility").FillAsync(Hall.Facility);
        await page.Locator("#badge-format").SelectOptionAsync("H10301");
        await InAndOutAsync(page, terminal, () => page.GetByRole(AriaRole.Button, new() { Name = "刷卡" }).ClickAsync(), ["sim", "badge", Hall.Card, "--facility", Hall.Facility, "--format", "H10301"], "张敏");

        var bits = WiegandFormats.Find("H10301")!.Encode(12, 34567).ToString();
        await page.Locator("#wiegand-bits").FillAsync(bits);
        await InAndOutAsync(page, terminal, () => page.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync(), ["sim", "wiegand", bits], "张敏");
        await Expect(page.Locator("#board-log li").First).ToContainTextAsync("attendance");
        await panel.ShootAsync("virtual-board");
    }

    [Fact]
    public async Task HoldingACardToTheUidReaderAndTypingOnTheUsbReader_GiveTheSameEventsAsTerminalctl()
    {
        using var hall = new Hall();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri, Settings);
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync(), 1280, 720);
        var page = panel.Page;
        await Expect(page.Locator("#card-reader option")).ToHaveTextAsync(["nfc (mfrc522)"]);
        await Expect(page.Locator("#type-reader option")).ToHaveTextAsync(["usb (usb-hid)"]);

        await page.Locator("#card-uid").FillAsync("04A1B2C3");
        await InAndOutAsync(page, terminal, () => page.GetByRole(AriaRole.Button, new() { Name = "感应" }).ClickAsync(), ["sim", "card", "04A1B2C3", "--reader", "nfc"], name: null);

        await page.Locator("#type-text").FillAsync("2712847316");
        await InAndOutAsync(page, terminal, () => page.GetByRole(AriaRole.Button, new() { Name = "输入" }).ClickAsync(), ["sim", "type", "2712847316", "--reader", "usb"], name: null);
        await panel.ShootAsync("virtual-board-readers");
    }

    /// <summary>
    /// A card from the page signs in and terminalctl's signs out, then terminalctl's signs in and the
    /// page's signs out: each path's sign-in and sign-out compared with the other's.
    /// </summary>
    private static async Task InAndOutAsync(IPage page, TerminalUnderTest terminal, Func<Task> act, string[] ctl, string? name)
    {
        var webIn = await BoardAsync(page, act);
        var ctlOut = await terminal.CtlJsonAsync(ctl);
        var ctlIn = await terminal.CtlJsonAsync(ctl);
        var webOut = await BoardAsync(page, act);

        // A UID reader reads a card held on it once: right after terminalctl's tap the card may still
        // count as on the reader (until a few polls miss it), and the page's tap is then no new swipe.
        var deadline = DateTime.UtcNow.AddMilliseconds(PanelPage.Wait);
        while (webOut.Count == 0 && DateTime.UtcNow < deadline)
        {
            webOut = await BoardAsync(page, act);
        }

        AssertSame(webIn, ctlIn);
        AssertSame(webOut, ctlOut);
        var signIn = Assert.Single(webIn).GetProperty("data");
        Assert.Equal(("sign-in", name), (signIn.GetProperty("action").GetString(), signIn.GetProperty("name").GetString()));
        Assert.Equal("sign-out", Assert.Single(webOut).GetProperty("data").GetProperty("action").GetString());
    }

    /// <summary>Does <paramref name="act"/> on the board and returns the events the host answered with.</summary>
    private static async Task<IReadOnlyList<JsonElement>> BoardAsync(IPage page, Func<Task> act)
    {
        var response = await page.RunAndWaitForResponseAsync(act, r => r.Url.Contains("/panel/board/", StringComparison.Ordinal), new() { Timeout = PanelPage.Wait });
        Assert.Equal(200, response.Status);
        var body = JsonDocument.Parse(await response.TextAsync()).RootElement;
        return [.. body.GetProperty("events").EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>The same events but for what differs by nature: ids, seq, times, session ids and what follows from them.</summary>
    private static void AssertSame(IReadOnlyList<JsonElement> web, IReadOnlyList<JsonElement> ctl)
    {
        Assert.NotEmpty(web);
        Assert.Equal(Normalize(ctl), Normalize(web));
    }

    private static IReadOnlyList<string> Normalize(IReadOnlyList<JsonElement> events) =>
    [
        .. events.Select(e =>
        {
            var node = JsonNode.Parse(e.GetRawText())!.AsObject();
            foreach (var field in new[] { "id", "seq", "at", "upMs", "clockSynced" })
            {
                node.Remove(field);
            }

            var data = node["data"]!.AsObject();
            foreach (var field in new[] { "session", "latencyMs" })
            {
                data.Remove(field);
            }

            return node.ToJsonString();
        }),
    ];
}
