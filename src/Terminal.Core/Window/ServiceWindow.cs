using Terminal.Core.Attendance;
using Terminal.Core.Events;
using Terminal.Core.Feedback;
using Terminal.Core.Keys;
using Terminal.Core.Rating;

namespace Terminal.Core.Window;

/// <summary>
/// The logic of one service window: rating sessions and attendance. Single-threaded: the host
/// feeds it one input at a time and commits what it decides.
/// </summary>
public sealed class ServiceWindow(EventFactory events, TimeProvider time)
{
    private readonly TimeProvider _time = time;

    /// <summary>The signed-in staff id, or null.</summary>
    public string? Staff { get; private set; }

    /// <summary>A debounced key transition.</summary>
    public Decision OnKey(KeyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Action != KeyAction.Pressed || input.Role != KeyRole.Rating || input.Level is not int level)
        {
            return Decision.None;
        }

        var rating = new RatingData
        {
            Session = Guid.CreateVersion7(_time.GetUtcNow()).ToString(),
            Level = level,
            Label = RatingScale.Label(level),
            Key = input.Key,
            Invited = false,
            LatencyMs = 0,
        };
        return new Decision([events.Create(EventType.Rating, Staff, rating)], [new Cue(CueKind.Thanks, input.Key)]);
    }

    /// <summary>A decoded badge swipe.</summary>
    public Decision OnBadge(BadgeSwipe swipe)
    {
        ArgumentNullException.ThrowIfNull(swipe);
        return Decision.None;
    }
}
