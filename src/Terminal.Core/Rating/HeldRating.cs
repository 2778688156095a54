using Terminal.Core.Events;

namespace Terminal.Core.Rating;

/// <summary>A bad rating waiting for its reason.</summary>
/// <param name="Session">The rated session.</param>
/// <param name="Rating">The rating event as it is published if no reason comes (<c>reasons: []</c>).</param>
/// <param name="HeldAt">Monotonic timestamp of the press; <c>reasonTimeout</c> counts from here.</param>
internal sealed record HeldRating(RatingSession Session, EventEnvelope Rating, long HeldAt)
{
    public string Key => ((RatingData)Rating.Data).Key;
}
