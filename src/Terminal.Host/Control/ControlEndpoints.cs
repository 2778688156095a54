using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Terminal.Host.Loop;
using Terminal.Host.Outbound;
using Terminal.Host.Simulation;
using Terminal.Mqtt;
using Terminal.Storage;

namespace Terminal.Host.Control;

/// <summary>
/// The control socket's HTTP API (Unix socket, <c>Terminal:Control:Socket</c>), used by
/// <c>terminalctl</c>. Events are returned exactly as published.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly TimeSpan CommitWait = TimeSpan.FromSeconds(2);

    public static void Map(WebApplication app)
    {
        app.MapGet("/status", (StatusReporter reporter, IMqttClient mqtt) =>
        {
            var status = reporter.Current().ToJsonNode();
            status["connection"] = mqtt.State.ToString().ToLowerInvariant();
            return Results.Text(status.ToJsonString(), "application/json");
        });
        app.MapGet("/buffer/stats", (IEventBuffer buffer) => Results.Json(buffer.GetStats(), StatusDocument.JsonOptions));
        app.MapGet("/buffer/export", ExportAsync);
        app.MapPost("/sim/press", (int level, SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Simulate(sim, snapshots, time, s => s.PressLevel(level), ct));
        app.MapPost("/sim/key", (string name, int? holdMs, SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Simulate(sim, snapshots, time, s => s.PressKey(name, holdMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null), ct));
        app.MapPost("/sim/badge", (long number, long? facility, string? format, SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Simulate(sim, snapshots, time, s => s.SwipeBadge(number, facility, format ?? "H10301"), ct));
        app.MapPost("/sim/wiegand", (string bits, SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Simulate(sim, snapshots, time, s => s.SendWiegand(bits), ct));
        app.MapPost("/sim/card", (string uid, string? reader, SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Simulate(sim, snapshots, time, s => s.HoldCard(uid, reader), ct));
        app.MapPost("/sim/type", (string text, string? reader, SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Simulate(sim, snapshots, time, s => s.Type(text, reader), ct));
    }

    private static async Task<IResult> Simulate(
        SimulatedBoard? sim,
        SnapshotFeed snapshots,
        TimeProvider time,
        Func<SimulatedBoard, SimulatedInput> prepare,
        CancellationToken ct)
    {
        if (sim is null)
        {
            return Error(StatusCodes.Status409Conflict, "not-simulating", "the terminal runs on real hardware; sim commands need 'terminal --simulate'");
        }

        SimulatedInput input;
        try
        {
            input = prepare(sim);
        }
        catch (ArgumentException e)
        {
            return Error(StatusCodes.Status400BadRequest, "bad-input", e.Message);
        }

        using var capture = new InputCapture(snapshots, input.Done);
        await input.Drive(ct).ConfigureAwait(false);
        var events = await capture.WaitAsync(CommitWait, time, ct).ConfigureAwait(false);
        var array = new JsonArray(events.OrderBy(e => e.Seq).Select(e => JsonNode.Parse(e.Payload.Span)).ToArray());
        return Results.Text(new JsonObject { ["events"] = array }.ToJsonString(), "application/json");
    }

    private static async Task ExportAsync(HttpContext context, IEventBuffer buffer)
    {
        context.Response.ContentType = "application/x-ndjson";
        long after = 0;
        while (true)
        {
            var page = await buffer.ReadPendingAsync(after, 1000, context.RequestAborted).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return;
            }

            foreach (var stored in page)
            {
                await context.Response.Body.WriteAsync(stored.Payload, context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted).ConfigureAwait(false);
                after = stored.Seq;
            }
        }
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Text(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), "application/json", Encoding.UTF8, status);
}
