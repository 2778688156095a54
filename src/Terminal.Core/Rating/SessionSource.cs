namespace Terminal.Core.Rating;

/// <summary>What opened a rating session (docs/mqtt.md#envelope <c>session.source</c>).</summary>
public enum SessionSource
{
    /// <summary>The queue/business system sent <c>session.open</c>.</summary>
    Queue,

    /// <summary>Staff pressed the invite key.</summary>
    Staff,

    /// <summary>First press in <c>free</c> mode.</summary>
    Free,

    /// <summary>A press with no open session in <c>session</c> mode (<c>invited: false</c>).</summary>
    Citizen,
}

/// <summary>Wire names of <see cref="SessionSource"/>.</summary>
public static class SessionSources
{
    /// <summary><c>queue</c>, <c>staff</c>, <c>free</c> or <c>citizen</c>.</summary>
    public static string WireName(this SessionSource source) => source switch
    {
        SessionSource.Queue => "queue",
        SessionSource.Staff => "staff",
        SessionSource.Free => "free",
        SessionSource.Citizen => "citizen",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown session source"),
    };

    /// <summary>Sessions opened by the queue or staff invite the citizen; the others do not.</summary>
    public static bool IsInvited(this SessionSource source) => source is SessionSource.Queue or SessionSource.Staff;
}
