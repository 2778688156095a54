using Terminal.Browser.Tests.Support;
using Terminal.Host.Tests.EndToEnd;
using Terminal.TestUtils.Processes;
using static Microsoft.Playwright.Assertions;

namespace Terminal.Browser.Tests.FrontPanel;

/// <summary>docs/front-panel.md#touch: prompting with the case, touch rating and reasons, thanks after the commit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RatingTapTests(PanelBrowser browser)
{
    private const string Events = "eval/v1/DEV/SIM-0001/event/#";

    [Fact]
    public async Task SessionOpen_PromptsWithTheItem_AndATapOnVerySatisfied_ShowsThanksOnlyOnceTheRatingIsInTheBuffer()
    {
        using var hall = new Hall();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri, "--Terminal:Panel:ReviewUrl=https://hall.example/review?hall={hall}&terminal={terminal}&case={caseNo}&session={session}");
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync());
        await panel.WaitScreenAsync("closed");

        await hall.OpenSessionAsync("Q-0042", "居民身份证换领", "A012");
        await panel.WaitScreenAsync("prompting");
        await Expect(panel.Page.Locator("#screen-prompting h1")).ToHaveTextAsync("您好，请您对我的服务做出评价");
        await Expect(panel.Page.Locator("#item-name")).ToHaveTextAsync("居民身份证换领");
        await Expect(panel.Page.Locator("#ticket")).ToHaveTextAsync("A012");
        await panel.ShootAsync("prompting");

        // The broker goes away so the rating stays in the buffer, where terminalctl can see it.
        hall.Broker.Stop();
        await panel.Page.EvaluateAsync(
            """
            () => {
              window.__thanks = null;
              const display = document.getElementById('display');
              new MutationObserver(() => {
                if (display.dataset.screen === 'thanks' && !window.__thanks) {
                  window.__thanks = { seq: Number(document.getElementById('screen-thanks').dataset.seq) };
                }
              }).observe(display, { attributes: true, attributeFilter: ['data-screen'] });
            }
            """);
        await panel.TapAsync("非常满意");
        await panel.WaitScreenAsync("thanks");

        // The screen turned with the snapshot that committed the rating: its seq came with it, and a seq
        // exists only once the event is in the buffer (docs/mqtt.md#delivery).
        var seq = await panel.Page.EvaluateAsync<long>("() => window.__thanks.seq");
        var rating = Assert.Single(await terminal.CtlJsonAsync("buffer", "export"), e => e.GetProperty("seq").GetInt64() == seq);
        Assert.Equal("rating", rating.GetProperty("type").GetString());
        var data = rating.GetProperty("data");
        Assert.Equal(("Q-0042", 5, "非常满意", "screen"), (data.GetProperty("session").GetString(), data.GetProperty("level").GetInt32(), data.GetProperty("label").GetString(), data.GetProperty("key").GetString()));
        Assert.Equal("居民身份证换领", data.GetProperty("case").GetProperty("itemName").GetString());

        await Expect(panel.Page.Locator("#review-code")).ToBeVisibleAsync();
        await Expect(panel.Page.Locator("#review-code")).ToHaveAttributeAsync("src", "/panel/review.png?session=Q-0042");
        await panel.Page.WaitForFunctionAsync("() => { const i = document.getElementById('review-code'); return i.complete && i.naturalWidth > 100; }", null, new() { Timeout = PanelPage.Wait });
        await panel.ShootAsync("thanks-review-code");
    }

    [Fact]
    public async Task BadRatingTap_ShowsTheReasons_AndTappingFees_PublishesOneRatingWithThatReason()
    {
        using var hall = new Hall();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri);
        using var subscriber = await Subscriber.StartAsync(hall.Broker, Events);
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync());
        await hall.OpenSessionAsync("Q-0043", "不动产登记", "B007");
        await panel.WaitScreenAsync("prompting");

        await panel.TapAsync("不满意");
        await panel.WaitScreenAsync("reason");
        foreach (var reason in new[] { "服务态度", "业务能力", "告知情况", "办理手续", "办事效率", "收费情况", "其他" })
        {
            await Expect(panel.Button(reason)).ToBeVisibleAsync();
        }

        await Expect(panel.Page.Locator("#reason-left")).ToContainTextAsync("秒内选择原因");
        await panel.ShootAsync("reason");
        await panel.TapAsync("收费情况");
        await panel.WaitScreenAsync("thanks");

        var rating = await subscriber.WaitForAsync("/event/rating", e => e.GetProperty("data").GetProperty("session").GetString() == "Q-0043");
        var data = rating.Json.GetProperty("data");
        Assert.Equal(["fees"], data.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal((2, "screen"), (data.GetProperty("level").GetInt32(), data.GetProperty("key").GetString()));

        // Events go out in seq order: once a later one arrived, no second rating of the session can follow.
        await terminal.CtlJsonAsync("sim", "key", "invite");
        await subscriber.WaitForAsync("/event/session", e => e.GetProperty("data").GetProperty("action").GetString() == "opened" && e.GetProperty("data").GetProperty("source").GetString() == "staff");
        Assert.Single(subscriber.Messages("/event/rating"), m => m.Json.GetProperty("data").GetProperty("session").GetString() == "Q-0043");
    }

    [Fact]
    public async Task TouchOff_TheButtonsShow_ButATapIsRefusedVisibly_AndNothingIsRecorded()
    {
        using var hall = new Hall();
        using var terminal = await TerminalUnderTest.StartAsync(hall.Broker.Uri, "--Terminal:Panel:Touch=false");
        await using var panel = await browser.OpenAsync(await terminal.PanelAsync());
        await terminal.CtlJsonAsync("sim", "key", "invite");
        await panel.WaitScreenAsync("prompting");
        var before = (await terminal.CtlJsonAsync("buffer", "stats"))[0].GetProperty("lastSeq").GetInt64();

        await panel.TapAsync("满意");

        await Expect(panel.Page.Locator("#toast")).ToHaveAttributeAsync("data-verdict", "touch-off");
        await Expect(panel.Page.Locator("#toast")).ToBeVisibleAsync();
        await panel.WaitScreenAsync("prompting");
        Assert.Equal(before, (await terminal.CtlJsonAsync("buffer", "stats"))[0].GetProperty("lastSeq").GetInt64());
        await panel.ShootAsync("touch-off-refused");
    }
}
