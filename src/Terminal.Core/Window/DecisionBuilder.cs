using Terminal.Core.Events;
using Terminal.Core.Feedback;

namespace Terminal.Core.Window;

/// <summary>Collects the events and cues of one call into the window, in order.</summary>
internal sealed class DecisionBuilder
{
    private readonly List<EventEnvelope> _events = [];
    private readonly List<Cue> _cues = [];

    public void Commit(EventEnvelope envelope) => _events.Add(envelope);

    public void Show(Cue cue) => _cues.Add(cue);

    public void Show(CueKind kind, string? key = null) => _cues.Add(new Cue(kind, key));

    public Decision Build() =>
        _events.Count == 0 && _cues.Count == 0 ? Decision.None : new Decision([.. _events], [.. _cues]);
}
