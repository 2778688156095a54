namespace Terminal.Hardware.Audio;

/// <summary>What became of one prompt: the self-test reports it, the fault logic reads it.</summary>
/// <param name="Prompt">The prompt.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">Why it failed or was unavailable (names the device or file); empty otherwise.</param>
public sealed record VoicePlayback(VoicePrompt Prompt, VoicePlaybackOutcome Outcome, string Detail)
{
    /// <summary>The device took every sample of the prompt.</summary>
    public bool Succeeded => Outcome == VoicePlaybackOutcome.Played;

    /// <summary>The device took samples (played whole, or cut after a write): it works.</summary>
    internal bool ReachedDevice { get; init; }
}
