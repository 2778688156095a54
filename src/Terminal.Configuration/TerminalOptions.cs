using Terminal.Core.Settings;
using Terminal.Hardware.Audio;

namespace Terminal.Configuration;

/// <summary>The validated <c>Terminal</c> configuration section (SPEC §6); keys and rules are <see cref="TerminalSettings"/>'s.</summary>
internal sealed record TerminalOptions
{
    public required string TerminalId { get; init; }

    public required string HallId { get; init; }

    public required string Window { get; init; }

    /// <summary>Full path of the board file.</summary>
    public required string BoardFile { get; init; }

    public required string DataDir { get; init; }

    public required BrokerOptions Broker { get; init; }

    /// <summary>The window's rules (rating and attendance), as <c>config.set</c> may change them.</summary>
    public required WindowSettings WindowSettings { get; init; }

    public required BufferOptions Buffer { get; init; }

    public required string ControlSocket { get; init; }

    /// <summary>The voice prompts' settings (SPEC §3.4).</summary>
    public required VoiceOptions Voice { get; init; }

    /// <summary>Running on the simulated chip (<c>--simulate</c>).</summary>
    public bool Simulate { get; init; }
}

internal sealed record BrokerOptions(
    IReadOnlyList<Uri> Uris,
    string Protocol,
    TimeSpan KeepAlive,
    string? Ca,
    string? Cert,
    string? Key,
    string? Username,
    string? PasswordFile,
    bool AllowInsecure);

internal sealed record BufferOptions(long MaxEvents, long MaxBytes);
