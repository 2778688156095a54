using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Terminal.Configuration;
using Terminal.Core.Screen;
using Terminal.Host.Loop;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// <c>POST /panel/tap</c>: a tap on a rating or reason button, decided by the loop like a key press
/// (docs/front-panel.md#touch). The answer comes after the commit; the page still shows thanks only from the
/// snapshot that follows it. Refused taps change nothing and say why.
/// </summary>
internal static class TapEndpoint
{
    /// <summary>The loop answers within milliseconds; this long means it is stuck or stopping.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public static async Task<IResult> HandleAsync(HttpContext context, TerminalLoop loop, PanelOptions panel, TimeProvider time)
    {
        var request = context.Request;
        if (!ListenerSeparation.SameOrigin(request))
        {
            return Refuse(StatusCodes.Status403Forbidden, "foreign-origin", "taps are taken from the panel's own page only");
        }

        if (!panel.Touch)
        {
            return Refuse(StatusCodes.Status403Forbidden, "touch-off", "this terminal's screen does not take ratings (Terminal:Panel:Touch is false)");
        }

        if (!request.HasJsonContentType() || request.ContentLength is null or > TapRequest.MaxBytes)
        {
            return Refuse(StatusCodes.Status400BadRequest, "bad-tap", $"a tap is a JSON body of at most {TapRequest.MaxBytes} bytes");
        }

        var body = new byte[(int)request.ContentLength.Value];
        await request.Body.ReadExactlyAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (!TapRequest.TryRead(body, out var tap, out var error))
        {
            return Refuse(StatusCodes.Status400BadRequest, "bad-tap", error);
        }

        InputProcessed processed;
        try
        {
            processed = await loop.SubmitAsync(new ScreenTapped(tap!)).WaitAsync(Wait, time, context.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return Refuse(StatusCodes.Status503ServiceUnavailable, "busy", "the terminal did not take the tap in time; nothing may have been recorded, tap again");
        }

        if (processed.Outcome.Tap is not { } outcome)
        {
            return Refuse(StatusCodes.Status409Conflict, "self-test", "the self-test is running: taps are not ratings now");
        }

        var status = outcome.Verdict switch
        {
            TapVerdict.Counted or TapVerdict.Repeat => StatusCodes.Status200OK,
            TapVerdict.Stale => StatusCodes.Status409Conflict,
            TapVerdict.StorageFull => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        return Answer(status, new JsonObject
        {
            ["ok"] = outcome.Verdict.IsTaken(),
            ["verdict"] = outcome.Verdict.WireName(),
            ["message"] = outcome.Message,
            ["version"] = processed.Snapshot.Version,
        });
    }

    private static IResult Refuse(int status, string verdict, string message) =>
        Answer(status, new JsonObject { ["ok"] = false, ["verdict"] = verdict, ["message"] = message });

    private static IResult Answer(int status, JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);
}
