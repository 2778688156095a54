using System.Diagnostics;
using Microsoft.Playwright;
using Terminal.Benchmarks.Hardware;

namespace Terminal.Benchmarks.Panel;

/// <summary>
/// Rounds of two rated sessions each, interleaved so both paths share the machine's moods: one rated by
/// a tap on the page, one by <c>sim press 5</c> on the control socket while the page watches.
/// </summary>
internal static class PanelLatency
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Installs <c>window.__thanks()</c>: a promise of the wall-clock ms of the frame after the screen turned to thanks.</summary>
    private const string Watch = """
        () => {
          const display = document.getElementById('display');
          const now = () => performance.timeOrigin + performance.now();
          window.__thanks = () => new Promise((resolve) => {
            const shown = () => requestAnimationFrame(() => setTimeout(() => resolve(now()), 0));
            const observer = new MutationObserver(() => {
              if (display.dataset.screen === 'thanks') { observer.disconnect(); shown(); }
            });
            observer.observe(display, { attributes: true, attributeFilter: ['data-screen'] });
          });
          const fetchOriginal = window.fetch;
          window.fetch = async (...args) => {
            const response = await fetchOriginal(...args);
            if (String(args[0]).includes('/panel/tap')) window.__tapAnswered = now();
            return response;
          };
        }
        """;

    /// <summary>Taps 非常满意; returns [ms to the tap's answer, ms to thanks visible].</summary>
    private const string Tap = """
        async () => {
          const thanks = window.__thanks();
          const start = performance.timeOrigin + performance.now();
          document.querySelector('#levels button[data-level="5"]').click();
          const visible = await thanks;
          return [window.__tapAnswered - start, visible - start];
        }
        """;

    public sealed record Result(Percentiles TapToThanks, Percentiles TapToCommitted, Percentiles PressToCommitted, Percentiles PressToThanks);

    public static async Task<Result> RunAsync(Uri url, string socket, int rounds, int warmup)
    {
        using var control = new ControlSocket(socket);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 800, Height = 480 } });
        await page.GotoAsync(new Uri(url, "/?board=off").ToString());
        await ScreenAsync(page, "document.getElementById('display').dataset.online === 'true'");
        await page.EvaluateAsync(Watch);

        List<double> tapToThanks = [], tapToCommitted = [], pressToCommitted = [], pressToThanks = [];
        for (var i = 0; i < warmup + rounds; i++)
        {
            await OpenSessionAsync(control, page);
            var tap = await page.EvaluateAsync<double[]>(Tap);
            await LeaveThanksAsync(page);

            await OpenSessionAsync(control, page);
            await page.EvaluateAsync("() => { window.__next = window.__thanks(); }");
            var sent = WallClockMs();
            var clock = Stopwatch.StartNew();
            if (await control.SimulateAsync("/sim/press?level=5") == 0)
            {
                throw new InvalidOperationException("sim press 5 committed nothing");
            }

            var committed = clock.Elapsed.TotalMilliseconds;
            var thanksAt = await page.EvaluateAsync<double>("() => window.__next");
            await LeaveThanksAsync(page);
            if (i >= warmup)
            {
                tapToCommitted.Add(tap[0]);
                tapToThanks.Add(tap[1]);
                pressToCommitted.Add(committed);
                pressToThanks.Add(thanksAt - sent);
            }
        }

        return new Result(Percentiles.From(tapToThanks), Percentiles.From(tapToCommitted), Percentiles.From(pressToCommitted), Percentiles.From(pressToThanks));
    }

    /// <summary>Staff press invite; the page prompts.</summary>
    private static async Task OpenSessionAsync(ControlSocket control, IPage page)
    {
        await control.SimulateAsync("/sim/key?name=invite");
        await ScreenAsync(page, "document.getElementById('display').dataset.screen === 'prompting'");
    }

    /// <summary>The thanks last the cooldown; the next rating must not be a repeat.</summary>
    private static Task LeaveThanksAsync(IPage page) => ScreenAsync(page, "document.getElementById('display').dataset.screen !== 'thanks'");

    private static Task ScreenAsync(IPage page, string condition) =>
        page.WaitForFunctionAsync($"() => {condition}", null, new() { Timeout = 30_000 });

    private static double WallClockMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
}
