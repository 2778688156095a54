using Microsoft.Extensions.Logging;

namespace Terminal.Hardware.Audio;

/// <summary>
/// The prompts the player speaks, read once at start (SPEC §3.4): the hall's file of the same name in
/// <c>Voice:Directory</c> when it is a WAV the player can play, otherwise the shipped one. A bad file
/// is named in one log line; a prompt with no usable file stays silent.
/// </summary>
internal sealed partial class PromptSet
{
    private readonly Dictionary<VoicePrompt, WaveSound> _sounds;

    private PromptSet(Dictionary<VoicePrompt, WaveSound> sounds) => _sounds = sounds;

    /// <summary>The sound of <paramref name="prompt"/>, or null when neither file could be used.</summary>
    public WaveSound? this[VoicePrompt prompt] => _sounds.GetValueOrDefault(prompt);

    /// <summary>Reads every prompt from <paramref name="hallDirectory"/> (when set) or <paramref name="shippedDirectory"/>.</summary>
    public static PromptSet Load(string shippedDirectory, string? hallDirectory, ILogger logger)
    {
        var sounds = new Dictionary<VoicePrompt, WaveSound>();
        foreach (var prompt in VoicePrompts.All)
        {
            var file = VoicePrompts.FileName(prompt);
            var hall = string.IsNullOrEmpty(hallDirectory) ? null : Path.Combine(hallDirectory, file);
            if (hall is not null && File.Exists(hall))
            {
                if (TryLoad(hall, out var own, out var reason))
                {
                    LogHallPrompt(logger, file, hall, own.Format.ToString(), own.Duration.TotalSeconds);
                    sounds[prompt] = own;
                    continue;
                }

                LogHallPromptRefused(logger, hall, reason, file);
            }

            var shipped = Path.Combine(shippedDirectory, file);
            if (TryLoad(shipped, out var sound, out var why))
            {
                sounds[prompt] = sound;
            }
            else
            {
                LogShippedPromptMissing(logger, shipped, why);
            }
        }

        return new PromptSet(sounds);
    }

    private static bool TryLoad(string path, out WaveSound sound, out string reason)
    {
        if (!File.Exists(path))
        {
            sound = null!;
            reason = "is missing";
            return false;
        }

        try
        {
            sound = WaveFile.Load(path);
            reason = string.Empty;
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            sound = null!;
            reason = e is InvalidDataException ? e.Message : $"cannot be read: {e.Message}";
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Voice: {File} is the hall's own recording {Path} ({Format}, {Seconds:0.0} s)")]
    private static partial void LogHallPrompt(ILogger logger, string file, string path, string format, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voice: {Path} is not used: it {Reason}; the shipped {File} plays instead")]
    private static partial void LogHallPromptRefused(ILogger logger, string path, string reason, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Voice: shipped prompt {Path} {Reason}; this prompt stays silent (package build without espeak-ng?)")]
    private static partial void LogShippedPromptMissing(ILogger logger, string path, string reason);
}
