using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Terminal.Host.Tests.EndToEnd;
using Terminal.TestUtils.Processes;

namespace Terminal.Host.Tests.FrontPanel;

/// <summary>
/// The panel in the real host process (<c>terminal --simulate</c>): its routes on its TCP port only,
/// the control API on the Unix socket only, and taps refused clearly. No broker is needed: the
/// terminal buffers.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class PanelEndToEndTests
{
    private static readonly Uri NoBroker = new("mqtt://127.0.0.1:1");

    [Fact]
    public async Task ControlApi_IsNeverOnThePanelsPort_AndThePanelNeverOnTheControlSocket()
    {
        using var terminal = await TerminalUnderTest.StartAsync(NoBroker);
        using var panel = new HttpClient { BaseAddress = await terminal.PanelAsync() };
        using var control = ControlClient(terminal.Socket);

        var page = await panel.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        foreach (var (method, path) in new[] { ("GET", "/status"), ("GET", "/buffer/stats"), ("GET", "/buffer/export"), ("POST", "/sim/press?level=5"), ("POST", "/sim/badge?number=34567"), ("POST", "/selftest/run"), ("GET", "/selftest/session") })
        {
            var answer = await panel.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{method} {path} on the panel's port answered {answer.StatusCode}");
        }

        foreach (var (method, path) in new[] { ("GET", "/"), ("GET", "/panel/panel.js"), ("GET", "/panel/events"), ("POST", "/panel/tap"), ("POST", "/panel/board/key?name=k5") })
        {
            var answer = await control.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{method} {path} on the control socket answered {answer.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await control.GetAsync("/buffer/stats")).StatusCode);
        Assert.DoesNotContain(await terminal.CtlJsonAsync("buffer", "export"), e => e.GetProperty("type").GetString() == "rating");
    }

    [Fact]
    public async Task ThePanel_AnswersOnlyToLoopbackNames_WhenNotAllowedRemote()
    {
        using var terminal = await TerminalUnderTest.StartAsync(NoBroker);
        using var panel = new HttpClient { BaseAddress = await terminal.PanelAsync() };

        var rebound = await panel.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "evil.example" } });

        Assert.Equal(HttpStatusCode.NotFound, rebound.StatusCode);
    }

    [Fact]
    public async Task Taps_WithUnknownLevelsOrReasonsOrFromElsewhere_AreRefusedClearly_AndCommitNothing()
    {
        using var terminal = await TerminalUnderTest.StartAsync(NoBroker);
        using var panel = new HttpClient { BaseAddress = await terminal.PanelAsync() };
        var before = await LastSeqAsync(terminal);

        var level = await TapAsync(panel, """{"level":9,"session":null}""");
        var reason = await TapAsync(panel, """{"reason":"weather","session":null}""");
        var malformed = await TapAsync(panel, """{"level":"five"}""");
        var foreign = await TapAsync(panel, """{"level":5,"session":null}""", origin: "http://elsewhere.example");

        Assert.Equal((HttpStatusCode.BadRequest, "unknown-level"), level.Answer);
        Assert.Contains("levels: 5, 4, 3, 2, 1", level.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "unknown-reason"), reason.Answer);
        Assert.Contains("'weather' is not a reason code", reason.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "bad-tap"), malformed.Answer);
        Assert.Equal((HttpStatusCode.Forbidden, "foreign-origin"), foreign.Answer);
        Assert.Equal(before, await LastSeqAsync(terminal));
    }

    [Fact]
    public async Task TouchOff_TapsAreRefused_AndCommitNothing()
    {
        using var terminal = await TerminalUnderTest.StartAsync(NoBroker, "--Terminal:Panel:Touch=false");
        using var panel = new HttpClient { BaseAddress = await terminal.PanelAsync() };
        var before = await LastSeqAsync(terminal);

        var tap = await TapAsync(panel, """{"level":5,"session":null}""");

        Assert.Equal((HttpStatusCode.Forbidden, "touch-off"), tap.Answer);
        Assert.Equal(before, await LastSeqAsync(terminal));
    }

    private static async Task<((HttpStatusCode, string?) Answer, string? Message)> TapAsync(HttpClient panel, string body, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/panel/tap") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await panel.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(json.GetProperty("ok").GetBoolean());
        return ((response.StatusCode, json.GetProperty("verdict").GetString()), json.GetProperty("message").GetString());
    }

    private static async Task<long> LastSeqAsync(TerminalUnderTest terminal) =>
        (await terminal.CtlJsonAsync("buffer", "stats"))[0].GetProperty("lastSeq").GetInt64();

    private static HttpClient ControlClient(string socket) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
            return new NetworkStream(s, ownsSocket: true);
        },
    })
    { BaseAddress = new Uri("http://terminal") };
}
