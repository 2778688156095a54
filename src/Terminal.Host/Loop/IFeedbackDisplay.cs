using Terminal.Core.Feedback;

namespace Terminal.Host.Loop;

/// <summary>Shows feedback cues on the board's LEDs and buzzer (and the front panel).</summary>
internal interface IFeedbackDisplay
{
    /// <summary>Shows the cues in order; a later cue replaces what an earlier one showed on the same parts.</summary>
    void Show(IReadOnlyList<Cue> cues);
}
