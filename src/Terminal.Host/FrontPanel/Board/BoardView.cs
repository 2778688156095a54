using System.Text.Json.Nodes;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Readers;

namespace Terminal.Host.FrontPanel.Board;

/// <summary>
/// The virtual board under <c>--simulate</c> (docs/front-panel.md#virtual-board): every key with the level its LED line is
/// driven to on the simulated chip now, the buzzer line, the staff keys, the Wiegand reader's formats
/// and the other card readers (UID readers, USB keyboard readers). Read from the chip, so the page
/// shows what a real LED would.
/// </summary>
internal sealed class BoardView(BoardDefinition board, SimulatedGpioChip chip)
{
    /// <summary>Whether <paramref name="line"/> is an LED or the buzzer (its changes are worth a message).</summary>
    public bool Shows(int line) => board.Keys.Any(k => k.Led == line) || board.Buzzer?.Line == line;

    public JsonObject Build() => new()
    {
        ["keys"] = new JsonArray([.. board.Keys.Select(k => (JsonNode)new JsonObject
        {
            ["name"] = k.Name,
            ["role"] = k.Role.ToString().ToLowerInvariant(),
            ["level"] = k.Level,
            ["reason"] = k.Reason,
            ["led"] = k.Led is { } led ? chip.GetOutput(led) : null,
        })]),
        ["buzzer"] = board.Buzzer is { } buzzer ? chip.GetOutput(buzzer.Line) : null,
        ["formats"] = board.Wiegand is { } wiegand ? new JsonArray([.. wiegand.Formats.Select(f => (JsonNode)f)]) : null,
        ["readers"] = new JsonArray([.. board.Readers.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["type"] = r.Kind.WireName() })]),
    };
}
