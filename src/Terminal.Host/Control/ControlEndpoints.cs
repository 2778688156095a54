using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Terminal.Host.Loop;
using Terminal.Host.Outbound;
using Terminal.Host.Simulation;
using Terminal.Mqtt;
using Terminal.Mqtt.Diagnostics;
using Terminal.Storage;

namespace Terminal.Host.Control;

/// <summary>
/// The control socket's HTTP API (Unix socket, <c>Terminal:Control:Socket</c>), used by
/// <c>terminalctl</c>. Events are returned exactly as published.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/status", (StatusReporter reporter, IMqttClient mqtt, ConnectionLog connection) =>
        {
            var status = reporter.Current().ToJsonNode();
            status["connection"] = mqtt.State.ToString().ToLowerInvariant();
            status["broker"] = JsonSerializer.SerializeToNode(BrokerStatusDocument.From(connection.Current), StatusDocument.JsonOptions);
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

    // The run itself is shared with the front panel's virtual board (SimulationRun).
    private static Task<IResult> Simulate(SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, Func<SimulatedBoard, SimulatedInput> prepare, CancellationToken ct) =>
        SimulationRun.RespondAsync(sim, snapshots, time, prepare, ct);

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
}
