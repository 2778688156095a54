using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Terminal.Host.Loop;

namespace Terminal.Host.Simulation;

/// <summary>
/// Drives one simulated input and answers with the events it caused, once committed (or after 2 s,
/// docs/command-line.md#sim): <c>terminalctl sim …</c> on the control socket and the virtual board of the front panel
/// go through here, so both produce the same events.
/// </summary>
internal static class SimulationRun
{
    private static readonly TimeSpan CommitWait = TimeSpan.FromSeconds(2);

    public static async Task<IResult> RespondAsync(
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

    private static IResult Error(int status, string code, string message) =>
        Results.Text(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), "application/json", Encoding.UTF8, status);
}
