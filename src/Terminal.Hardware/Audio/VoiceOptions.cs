namespace Terminal.Hardware.Audio;

/// <summary>The <c>Voice</c> settings of SPEC §6.</summary>
public sealed class VoiceOptions
{
    /// <summary>Where a hall puts its own recordings when <c>Voice:Directory</c> is not set.</summary>
    public const string DefaultDirectory = "/etc/terminal/voice";

    /// <summary><c>Voice:Enabled</c>: false silences the voice (LEDs, buzzer and screen are unchanged).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>Voice:Device</c>: the ALSA PCM the prompts play on.</summary>
    public string Device { get; init; } = "default";

    /// <summary><c>Voice:Volume</c>, 0–100: the prompts' amplitude in percent of the recording (the board's mixer sets the rest).</summary>
    public int Volume { get; init; } = 100;

    /// <summary><c>Voice:Directory</c>: a file here named like a shipped prompt (<c>prompt.wav</c>…) replaces it.</summary>
    public string? Directory { get; init; } = DefaultDirectory;

    /// <summary>The first problem with these settings as (key, reason), or null when they are valid.</summary>
    public (string Key, string Reason)? Problem() =>
        Volume is < 0 or > 100 ? ("Voice:Volume", $"{Volume} is outside 0–100")
        : string.IsNullOrWhiteSpace(Device) ? ("Voice:Device", "must name an ALSA PCM (e.g. default, plughw:0,0)")
        : null;
}
