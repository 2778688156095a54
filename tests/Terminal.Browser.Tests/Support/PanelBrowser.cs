using Microsoft.Playwright;

namespace Terminal.Browser.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, headless) driven by Playwright, started once for all
/// browser tests; Playwright's own browser download is never used (../shared/reference/browser-tests).
/// </summary>
public sealed class PanelBrowser : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: apt-get install chromium fonts-noto-cjk (test.sh installs them)");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--lang=zh-CN"] });
    }

    /// <summary>A page of its own (own cookies, cache), <paramref name="width"/>×<paramref name="height"/>, on <paramref name="url"/>.</summary>
    public async Task<PanelPage> OpenAsync(Uri url, int width = 800, int height = 480)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN", HasTouch = true });
        var page = await context.NewPageAsync();
        var panel = new PanelPage(page, url, width, height);
        await panel.LoadAsync();
        return panel;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
