using Terminal.Core.Feedback;
using Terminal.Hardware.Audio;
using Terminal.Host.Loop;

namespace Terminal.Host.Voice;

/// <summary>The voice as one of the terminal's displays: the same cues as the LEDs, spoken (SPEC §3.4); returns at once.</summary>
internal sealed class VoiceFeedback(VoicePlayer player) : IFeedbackDisplay
{
    private readonly CueVoice _voice = new(player);

    public void Show(IReadOnlyList<Cue> cues) => _voice.Show(cues);
}
