using Terminal.Core.Settings;
using Terminal.Hardware.Audio;

namespace Terminal.Configuration;

/// <summary>The validated <c>Terminal</c> configuration section (docs/configuration.md); keys and rules are <see cref="TerminalSettings"/>'s.</summary>
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

    /// <summary>The front panel page (docs/configuration.md#panel).</summary>
    public PanelOptions Panel { get; init; } = PanelOptions.Default;

    /// <summary>The voice prompts' settings (docs/configuration.md#voice).</summary>
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

/// <summary>The front panel's settings (docs/configuration.md#panel).</summary>
/// <param name="Listen">Where the page is served (loopback unless <paramref name="AllowRemote"/>).</param>
/// <param name="AllowRemote">Whether <paramref name="Listen"/> may be reachable from other machines.</param>
/// <param name="Touch">Whether the screen takes ratings and reasons.</param>
/// <param name="ReviewUrl">The review URL template for the thank-you QR code, or null.</param>
internal sealed record PanelOptions(Uri Listen, bool AllowRemote, bool Touch, string? ReviewUrl)
{
    public static PanelOptions Default { get; } = new(new Uri(TerminalSettings.Panel.Listen.Default!), false, false, null);
}
