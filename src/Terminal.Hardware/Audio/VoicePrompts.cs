namespace Terminal.Hardware.Audio;

/// <summary>File names of the prompts, and their names as <c>terminalctl selftest</c> says them.</summary>
public static class VoicePrompts
{
    /// <summary>Every prompt, in the order a session meets them.</summary>
    public static IReadOnlyList<VoicePrompt> All { get; } = [VoicePrompt.Prompt, VoicePrompt.Thanks, VoicePrompt.Reason];

    /// <summary>The prompt's name: <c>prompt</c>, <c>thanks</c>, <c>reason</c>.</summary>
    public static string Name(VoicePrompt prompt) => prompt switch
    {
        VoicePrompt.Prompt => "prompt",
        VoicePrompt.Thanks => "thanks",
        VoicePrompt.Reason => "reason",
        _ => throw new ArgumentOutOfRangeException(nameof(prompt), prompt, "not a voice prompt"),
    };

    /// <summary>The WAV file that speaks it, e.g. <c>thanks.wav</c> (shipped, or the hall's in <c>Voice:Directory</c>).</summary>
    public static string FileName(VoicePrompt prompt) => Name(prompt) + ".wav";

    /// <summary>The prompt called <paramref name="name"/> (<c>prompt</c>, <c>thanks</c>, <c>reason</c>, or its file name).</summary>
    public static bool TryParse(string? name, out VoicePrompt prompt)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(name, Name(candidate), StringComparison.OrdinalIgnoreCase) || string.Equals(name, FileName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                prompt = candidate;
                return true;
            }
        }

        prompt = default;
        return false;
    }
}
