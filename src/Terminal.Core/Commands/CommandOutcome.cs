using System.Text.Json;
using Terminal.Core.Settings;
using Terminal.Core.Window;

namespace Terminal.Core.Commands;

/// <summary>
/// What <see cref="CommandHandler.Handle"/> did. The host: commits <see cref="Decision"/>'s events,
/// shows its cues, persists <see cref="AppliedSettings"/> if set, then publishes
/// <see cref="Result"/> to <see cref="ReplyTo"/> (3.1.1) or the MQTT 5 response topic. When
/// <see cref="Result"/> is null, <see cref="HostCommand"/> is for the host to carry out
/// (self-test, status, update); it replies with <see cref="CommandResult.Success"/> or
/// <see cref="CommandResult.Failure"/> and <see cref="Id"/>.
/// </summary>
/// <param name="Result">The result to send, or null when the host must act first.</param>
/// <param name="HostCommand">A valid command the core does not carry out, or null.</param>
/// <param name="Decision">Events to commit and cues to show.</param>
/// <param name="AppliedSettings">Settings now in force, to persist (config.set), or null.</param>
/// <param name="Id">The request's id, or null.</param>
/// <param name="ReplyTo">The 3.1.1 reply topic, or null.</param>
public sealed record CommandOutcome(
    CommandResult? Result,
    CommandRequest? HostCommand,
    Decision Decision,
    WindowSettings? AppliedSettings,
    JsonElement? Id,
    string? ReplyTo);
