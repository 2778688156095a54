using Terminal.Core.Feedback;
using Terminal.Host.Loop;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// The front panel among the loop's displays: it shows nothing itself (the page renders the snapshot
/// that follows), but notes that the loop is showing cues, so an LED those cues light waits on the
/// page for the snapshot the loop publishes next, and both appear in one frame
/// (docs/front-panel.md#the-live-feed). Listed first, so the note comes before the LEDs change.
/// </summary>
internal sealed class PanelCues(TimeProvider time) : IFeedbackDisplay
{
    /// <summary>
    /// The longest an LED change waits for a snapshot: the self-test shows cues without one, and a
    /// loop that failed between its cues and its snapshot publishes none.
    /// </summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private long _shownAt = -1;

    /// <summary>Whether cues were shown whose snapshot has not been published yet (within <see cref="Bound"/>).</summary>
    public bool SnapshotDue => Interlocked.Read(ref _shownAt) is var at and >= 0 && time.GetElapsedTime(at) < Bound;

    public void Show(IReadOnlyList<Cue> cues) => Interlocked.Exchange(ref _shownAt, time.GetTimestamp());

    /// <summary>The loop's snapshot is on its way to the pages.</summary>
    public void Published() => Interlocked.Exchange(ref _shownAt, -1);
}
