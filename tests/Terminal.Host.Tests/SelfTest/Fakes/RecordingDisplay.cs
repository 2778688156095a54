using Terminal.Core.Feedback;
using Terminal.Host.Pipeline;

namespace Terminal.Host.Tests.SelfTest.Fakes;

/// <summary>Records the cues shown.</summary>
internal sealed class RecordingDisplay : IFeedbackDisplay
{
    private readonly List<Cue> _cues = [];

    public IReadOnlyList<Cue> Cues
    {
        get
        {
            lock (_cues)
            {
                return [.. _cues];
            }
        }
    }

    public void Show(IReadOnlyList<Cue> cues)
    {
        lock (_cues)
        {
            _cues.AddRange(cues);
        }
    }
}
