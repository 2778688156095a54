using Terminal.Core.Events;

namespace Terminal.Core.Rating;

/// <summary>One service to be rated (一次一评).</summary>
/// <param name="Id">Session id: the queue's, or a UUIDv7.</param>
/// <param name="Source">What opened it.</param>
/// <param name="Case">The case (办件), or null.</param>
/// <param name="OpenedAt">Monotonic timestamp of the opening; <c>latencyMs</c> counts from here.</param>
internal sealed record RatingSession(string Id, SessionSource Source, CaseInfo? Case, long OpenedAt);
