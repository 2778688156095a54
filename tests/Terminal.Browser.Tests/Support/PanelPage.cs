using Microsoft.Playwright;

namespace Terminal.Browser.Tests.Support;

/// <summary>The front panel page in a browser tab, with what the tests look at and do.</summary>
public sealed class PanelPage(IPage page, Uri url, int width, int height) : IAsyncDisposable
{
    /// <summary>Generous: the host, the browser and the tests share two loaded cores.</summary>
    public static readonly float Wait = 15_000;

    public IPage Page => page;

    public string Size => $"{width}x{height}";

    public ILocator Display => page.Locator("#display");

    public async Task LoadAsync()
    {
        await page.GotoAsync(url.ToString());
        await WaitOnlineAsync();
    }

    /// <summary>Waits until the page shows <paramref name="screen"/> (idle, prompting, reason, thanks, …).</summary>
    public Task WaitScreenAsync(string screen, float? timeout = null) =>
        Assertions.Expect(Display).ToHaveAttributeAsync("data-screen", screen, new() { Timeout = timeout ?? Wait });

    public Task WaitOnlineAsync() =>
        Assertions.Expect(Display).ToHaveAttributeAsync("data-online", "true", new() { Timeout = Wait });

    /// <summary>
    /// Starts watching, on the page's own clock, for the offline overlay to appear, and returns that clock's
    /// time now. Measuring in the page keeps the test's polling out of the figure: an assertion polled from
    /// outside can only see the overlay up to one polling interval late.
    /// </summary>
    public Task<double> WatchForOfflineAsync() => page.EvaluateAsync<double>("""
        () => {
          const overlay = document.getElementById('offline');
          window.offlineSeenAt = undefined;
          new MutationObserver(() => {
            if (!overlay.hidden && window.offlineSeenAt === undefined) window.offlineSeenAt = performance.now();
          }).observe(overlay, { attributes: true, attributeFilter: ['hidden'] });
          return performance.now();
        }
        """);

    /// <summary>Waits for the overlay watched since <paramref name="since"/> and returns how long after it the page showed it.</summary>
    public async Task<TimeSpan> OfflineShownAfterAsync(double since)
    {
        await page.WaitForFunctionAsync("() => window.offlineSeenAt !== undefined", null, new() { Timeout = Wait });
        return TimeSpan.FromMilliseconds(await page.EvaluateAsync<double>("() => window.offlineSeenAt") - since);
    }

    /// <summary>Taps the visible button labelled <paramref name="label"/> (a rating level or a reason).</summary>
    public Task TapAsync(string label) => Button(label).ClickAsync(new() { Timeout = Wait });

    /// <summary>The visible button labelled exactly <paramref name="label"/>.</summary>
    public ILocator Button(string label) =>
        page.Locator("#display .screen:visible").GetByRole(AriaRole.Button, new() { Name = label, Exact = true });

    public Task<string> TextAsync(string selector) => page.Locator(selector).InnerTextAsync(new() { Timeout = Wait });

    /// <summary>Saves a screenshot as <c>{name}-{width}x{height}.png</c> in <see cref="Screenshots.Directory"/>.</summary>
    public Task<byte[]> ShootAsync(string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Directory, $"{name}-{Size}.png") });

    public async ValueTask DisposeAsync() => await page.Context.DisposeAsync();
}
