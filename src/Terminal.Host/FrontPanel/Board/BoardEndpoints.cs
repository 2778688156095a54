using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Terminal.Host.Loop;
using Terminal.Host.Simulation;

namespace Terminal.Host.FrontPanel.Board;

/// <summary>
/// The virtual board's buttons under <c>--simulate</c> (docs/front-panel.md#virtual-board): a key clicked, a card number typed,
/// a raw Wiegand frame, a card's UID held to a UID reader, what a USB reader types. Each drives the
/// simulated board through <see cref="SimulationRun"/>, exactly as <c>terminalctl sim
/// key|badge|wiegand|card|type</c> do, and answers with the events committed.
/// </summary>
internal static class BoardEndpoints
{
    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapPost("/panel/board/key", (HttpRequest request, string name, [FromServices] SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Run(request, sim, snapshots, time, s => s.PressKey(name, null), ct));
        panel.MapPost("/panel/board/badge", (HttpRequest request, long number, long? facility, string? format, [FromServices] SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Run(request, sim, snapshots, time, s => s.SwipeBadge(number, facility, format ?? "H10301"), ct));
        panel.MapPost("/panel/board/wiegand", (HttpRequest request, string bits, [FromServices] SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Run(request, sim, snapshots, time, s => s.SendWiegand(bits), ct));
        panel.MapPost("/panel/board/card", (HttpRequest request, string uid, string? reader, [FromServices] SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Run(request, sim, snapshots, time, s => s.HoldCard(uid, reader), ct));
        panel.MapPost("/panel/board/type", (HttpRequest request, string text, string? reader, [FromServices] SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, CancellationToken ct) =>
            Run(request, sim, snapshots, time, s => s.Type(text, reader), ct));
    }

    private static Task<IResult> Run(HttpRequest request, SimulatedBoard? sim, SnapshotFeed snapshots, TimeProvider time, Func<SimulatedBoard, SimulatedInput> prepare, CancellationToken ct) =>
        ListenerSeparation.SameOrigin(request)
            ? SimulationRun.RespondAsync(sim, snapshots, time, prepare, ct)
            : Task.FromResult(Results.StatusCode(StatusCodes.Status403Forbidden));
}
