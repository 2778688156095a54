using Terminal.Browser.Tests.Support;
using Terminal.TestUtils.Processes;
using static Microsoft.Playwright.Assertions;

namespace Terminal.Browser.Tests.FrontPanel;

/// <summary>
/// docs/front-panel.md#screens: every screen at 800×480 (the Pi touch display) and 1920×1080, landscape and portrait,
/// fitting the screen with nothing cut off, each saved as a screenshot.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(PanelBrowser browser)
{
    private static readonly (int Width, int Height)[] Sizes = [(800, 480), (480, 800), (1920, 1080), (1080, 1920)];

    [Fact]
    public async Task EveryScreen_FitsEverySize_AndIsShot()
    {
        using var hall = new Hall();
        await hall.PublishRosterAsync();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri, "--Terminal:Panel:ReviewUrl=https://hall.example/review?case={caseNo}&session={session}");
        var url = await terminal.PanelAsync();
        var pages = new List<PanelPage>();
        try
        {
            foreach (var (width, height) in Sizes)
            {
                pages.Add(await browser.OpenAsync(new Uri(url, "/?board=off"), width, height));
            }

            await ShootAllAsync(pages, "closed");
            await terminal.CtlJsonAsync("sim", "badge", Hall.Card, "--facility", Hall.Facility);
            await ShootAllAsync(pages, "idle", "#staff-photo");
            await terminal.CtlJsonAsync("sim", "key", "pause");
            await ShootAllAsync(pages, "paused");
            await terminal.CtlJsonAsync("sim", "key", "pause");
            await hall.OpenSessionAsync("Q-0100", "企业开办一件事", "C023");
            await ShootAllAsync(pages, "prompting", "#levels button");
            await pages[0].TapAsync("非常不满意");
            await ShootAllAsync(pages, "reason", "#reasons button");
            await pages[0].TapAsync("办事效率");
            await ShootAllAsync(pages, "thanks", "#review-code");
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.DisposeAsync();
            }
        }
    }

    private static async Task ShootAllAsync(IReadOnlyList<PanelPage> pages, string screen, string? mustShow = null)
    {
        foreach (var page in pages)
        {
            await page.WaitScreenAsync(screen);
            if (mustShow is not null)
            {
                await Expect(page.Page.Locator(mustShow).First).ToBeVisibleAsync(new() { Timeout = PanelPage.Wait });
            }

            await page.Page.WaitForFunctionAsync("() => [...document.images].every(i => i.hidden || !i.getAttribute('src') || (i.complete && i.naturalWidth > 0))", null, new() { Timeout = PanelPage.Wait });
            var overflow = await page.Page.EvaluateAsync<string?>(
                """
                () => {
                  const w = innerWidth, h = innerHeight, d = document.documentElement;
                  if (d.scrollWidth > w || d.scrollHeight > h) return `page ${d.scrollWidth}x${d.scrollHeight}`;
                  for (const el of document.querySelectorAll('#display .screen:not([hidden]) *')) {
                    const r = el.getBoundingClientRect();
                    if (!el.offsetParent || r.width === 0) continue;
                    if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1) return `${el.tagName}#${el.id}.${el.className} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
                  }
                  return null;
                }
                """);
            Assert.True(overflow is null, $"{screen} at {page.Size}: {overflow} is outside the screen");
            await page.ShootAsync(screen);
        }
    }
}
