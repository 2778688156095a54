using Terminal.Core.Feedback;
using Terminal.Host.Loop;

namespace Terminal.Host.Tests.Fakes;

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
