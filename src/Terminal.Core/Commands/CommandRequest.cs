using System.Text.Json;
using Terminal.Core.Events;
using Terminal.Core.Settings;

namespace Terminal.Core.Commands;

/// <summary>
/// A parsed, valid command. <see cref="Id"/> and <see cref="ReplyTo"/> are the MQTT 3.1.1 form of
/// request/response (SPEC §5.4); MQTT 5 carries them as response topic and correlation data.
/// </summary>
public abstract record CommandRequest
{
    /// <summary>The request's <c>"id"</c> (string or number), echoed in the result; null when absent.</summary>
    public JsonElement? Id { get; init; }

    /// <summary>The request's <c>"replyTo"</c> topic, or null.</summary>
    public string? ReplyTo { get; init; }
}

/// <summary><c>session.open</c>.</summary>
/// <param name="Session">The queue's session id, or null to let the terminal make one.</param>
/// <param name="Case">The case fields, or null when none was given.</param>
public sealed record SessionOpenCommand(string? Session, CaseInfo? Case) : CommandRequest;

/// <summary><c>session.cancel</c>.</summary>
/// <param name="Session">Only cancel this session; null cancels whichever is open.</param>
public sealed record SessionCancelCommand(string? Session) : CommandRequest;

/// <summary><c>config.set</c>.</summary>
/// <param name="Changes">The settings given; the others keep their value.</param>
public sealed record ConfigSetCommand(IReadOnlyList<SettingChange> Changes) : CommandRequest
{
    /// <summary><paramref name="current"/> with the changes applied (not yet validated).</summary>
    public WindowSettings ApplyTo(WindowSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Changes.Aggregate(current, (settings, change) => settings.With(change.Setting, change.Value));
    }
}

/// <summary><c>selftest.run</c>: the host runs the non-interactive self-test and replies.</summary>
public sealed record SelfTestCommand : CommandRequest;

/// <summary><c>status.get</c>: the host replies with the status document.</summary>
public sealed record StatusGetCommand : CommandRequest;

/// <summary><c>update.apply</c>: shape checked here; the host fetches, verifies and installs (SPEC §7).</summary>
/// <param name="Url">Absolute http(s) URL of the package.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the package.</param>
/// <param name="Signature">ECDSA P-256 signature over the SHA-256, decoded from base64.</param>
public sealed record UpdateApplyCommand(Uri Url, string Sha256, ReadOnlyMemory<byte> Signature) : CommandRequest;
