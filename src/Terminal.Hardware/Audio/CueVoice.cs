using Terminal.Core.Feedback;

namespace Terminal.Hardware.Audio;

/// <summary>
/// The voice column of <see cref="CueTable"/>: the host hands it the same cues as the LEDs, right
/// after the commit, and it returns at once. A cue with a phrase cuts what plays and speaks it
/// (SPEC §3.4); a steady cue without one (idle, storage full) ends a question still being asked
/// but lets the thanks finish; transient cues (a badge's beep) leave the voice alone.
/// </summary>
public sealed class CueVoice(VoicePlayer player)
{
    /// <summary>The prompt that speaks <paramref name="kind"/>'s phrase, or null for a cue without one.</summary>
    public static VoicePrompt? PromptOf(CueKind kind) => kind switch
    {
        CueKind.Prompting => VoicePrompt.Prompt,
        CueKind.Thanks => VoicePrompt.Thanks,
        CueKind.ReasonPrompt => VoicePrompt.Reason,
        _ => null,
    };

    /// <summary>Speaks the cues in order; later ones cut earlier ones.</summary>
    public void Show(IReadOnlyList<Cue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        foreach (var cue in cues)
        {
            if (PromptOf(cue.Kind) is { } prompt)
            {
                player.Play(prompt);
            }
            else if (CueTable.For(cue.Kind).Hold is null)
            {
                player.Stop(VoicePrompt.Prompt);
                player.Stop(VoicePrompt.Reason);
            }
        }
    }
}
