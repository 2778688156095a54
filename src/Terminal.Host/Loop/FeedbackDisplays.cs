using Terminal.Core.Feedback;

namespace Terminal.Host.Loop;

/// <summary>Shows every cue on each of the terminal's displays in turn (LEDs and buzzer, the voice, …); none of them may block.</summary>
internal sealed class FeedbackDisplays(IReadOnlyList<IFeedbackDisplay> displays) : IFeedbackDisplay
{
    public void Show(IReadOnlyList<Cue> cues)
    {
        foreach (var display in displays)
        {
            display.Show(cues);
        }
    }
}
