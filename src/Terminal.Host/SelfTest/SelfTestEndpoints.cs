using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Terminal.Host.SelfTest;

/// <summary>
/// The self-test on the control socket (SPEC §7, §10 <c>terminalctl selftest</c>):
/// <list type="bullet">
/// <item><c>POST /selftest/run</c>: the non-interactive checks, the report as JSON.</item>
/// <item><c>GET /selftest/session</c>: holds the panel while the response streams (ndjson): a hello line
/// with the session id and the testable parts, then one line per key or reader input, heartbeats
/// between. Closing the connection, or the time limit, ends it.</item>
/// <item><c>POST /selftest/led?session=…&amp;key=k5&amp;on=true</c>, <c>POST /selftest/buzzer?session=…&amp;on=true</c>,
/// <c>POST /selftest/voice?session=…&amp;prompt=thanks</c> (plays it to the end).</item>
/// </list>
/// </summary>
internal static class SelfTestEndpoints
{
    /// <summary>A forgotten session hands the panel back after this long.</summary>
    public static readonly TimeSpan SessionLimit = TimeSpan.FromMinutes(15);

    /// <summary>Written when nothing happened, so a vanished client is noticed by a failed write.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    public static void Map(WebApplication app)
    {
        app.MapPost("/selftest/run", async (SelfTestRunner runner, CancellationToken ct) =>
            Json((await runner.RunAsync(ct).ConfigureAwait(false)).ToJson()));
        app.MapGet("/selftest/session", SessionAsync);
        app.MapPost("/selftest/led", (string? session, string key, bool on, SelfTestSessions sessions) =>
            WithSession(sessions, session, s => s.SetLed(key, on)));
        app.MapPost("/selftest/buzzer", (string? session, bool on, SelfTestSessions sessions) =>
            WithSession(sessions, session, s => s.SetBuzzer(on)));
        app.MapPost("/selftest/voice", async (string? session, string prompt, SelfTestSessions sessions, CancellationToken ct) =>
            sessions.Find(session) is { } open
                ? await Answer(() => open.PlayVoiceAsync(prompt, ct)).ConfigureAwait(false)
                : NoSession());
    }

    private static async Task SessionAsync(HttpContext context, SelfTestSessions sessions, TimeProvider time)
    {
        using var session = sessions.TryOpen();
        if (session is null)
        {
            await Error(StatusCodes.Status409Conflict, "busy", "another self-test holds the panel; finish it or close its terminalctl").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        using var limit = new CancellationTokenSource(SessionLimit, time);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, limit.Token);
        context.Response.ContentType = "application/x-ndjson";
        try
        {
            await WriteLineAsync(context.Response, session.Hello(SessionLimit), ended.Token).ConfigureAwait(false);
            while (true)
            {
                var line = await session.NextAsync(Heartbeat, time, ended.Token).ConfigureAwait(false) ?? new JsonObject { ["heartbeat"] = true };
                await WriteLineAsync(context.Response, line, ended.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Client gone or time limit: the session's disposal hands the panel back.
        }
        catch (IOException)
        {
        }
    }

    private static async Task WriteLineAsync(HttpResponse response, JsonObject line, CancellationToken ct)
    {
        await response.WriteAsync(line.ToJsonString() + "\n", ct).ConfigureAwait(false);
        await response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    private static IResult WithSession(SelfTestSessions sessions, string? id, Func<SelfTestSession, JsonObject> act) =>
        sessions.Find(id) is { } session ? Answer(() => act(session)) : NoSession();

    private static IResult Answer(Func<JsonObject> act)
    {
        try
        {
            return Json(act());
        }
        catch (ArgumentException e)
        {
            return Error(StatusCodes.Status400BadRequest, "bad-input", e.Message);
        }
    }

    private static async Task<IResult> Answer(Func<Task<JsonObject>> act)
    {
        try
        {
            return Json(await act().ConfigureAwait(false));
        }
        catch (ArgumentException e)
        {
            return Error(StatusCodes.Status400BadRequest, "bad-input", e.Message);
        }
    }

    private static IResult NoSession() =>
        Error(StatusCodes.Status409Conflict, "no-session", "no self-test session with that id holds the panel; open one with GET /selftest/session");

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8);

    private static IResult Error(int status, string code, string message) =>
        Results.Text(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), "application/json", Encoding.UTF8, status);
}
