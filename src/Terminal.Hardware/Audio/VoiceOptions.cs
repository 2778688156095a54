using Terminal.Core.Settings;
using VoiceSetting = Terminal.Core.Settings.TerminalSettings.Voice;

namespace Terminal.Hardware.Audio;

/// <summary>The <c>Voice</c> settings of SPEC §6; defaults and rules are the settings table's (<see cref="TerminalSettings.Voice"/>).</summary>
public sealed class VoiceOptions
{
    /// <summary><c>Voice:Enabled</c>: false silences the voice (LEDs, buzzer and screen are unchanged).</summary>
    public bool Enabled { get; init; } = VoiceSetting.Enabled.Default;

    /// <summary><c>Voice:Device</c>: the ALSA PCM the prompts play on.</summary>
    public string Device { get; init; } = VoiceSetting.Device.Default!;

    /// <summary><c>Voice:Volume</c>, 0–100: the prompts' amplitude in percent of the recording (the board's mixer sets the rest).</summary>
    public int Volume { get; init; } = (int)VoiceSetting.Volume.Default;

    /// <summary><c>Voice:Directory</c>: a file here named like a shipped prompt (<c>prompt.wav</c>…) replaces it; null: none.</summary>
    public string? Directory { get; init; } = VoiceSetting.Directory.Default;

    /// <summary>The first problem with these settings as (key, reason), or null when they are valid.</summary>
    public (string Key, string Reason)? Problem() =>
        VoiceSetting.Volume.Check(Volume) is { } volume ? (VoiceSetting.Volume.Key, volume)
        : VoiceSetting.Device.Check(Device ?? string.Empty) is { } device ? (VoiceSetting.Device.Key, device)
        : null;
}
