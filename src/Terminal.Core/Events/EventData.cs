using System.Text.Json.Serialization;

namespace Terminal.Core.Events;

/// <summary>The type-specific <c>data</c> object of an event (SPEC §5.1).</summary>
[JsonDerivedType(typeof(RatingData))]
[JsonDerivedType(typeof(SessionData))]
[JsonDerivedType(typeof(AttendanceData))]
[JsonDerivedType(typeof(FaultData))]
public abstract record EventData;

/// <summary>Case (办件) the rated service belongs to, as sent by the queue system.</summary>
public sealed record CaseInfo(string? CaseNo, string? ItemCode, string? ItemName, string? Ticket, string? Stage);

/// <summary><c>data</c> of a <c>rating</c> event.</summary>
public sealed record RatingData : EventData
{
    /// <summary>Rating session id.</summary>
    public required string Session { get; init; }

    /// <summary>Level 1–5 (5 = 非常满意).</summary>
    public required int Level { get; init; }

    /// <summary>Chinese label of the level.</summary>
    public required string Label { get; init; }

    /// <summary>Board name of the pressed key.</summary>
    public required string Key { get; init; }

    /// <summary>Reason codes for a bad rating.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Whether the session was opened by the queue system or staff.</summary>
    public required bool Invited { get; init; }

    /// <summary>Milliseconds from session open to the press.</summary>
    public required long LatencyMs { get; init; }

    /// <summary>The case, or null.</summary>
    public CaseInfo? Case { get; init; }

    /// <summary>Null, or <c>repeat</c> for presses after the rating.</summary>
    public string? Misuse { get; init; }

    /// <summary>Number of presses this event stands for (≥ 1).</summary>
    public int Count { get; init; } = 1;
}

/// <summary><c>data</c> of a <c>session</c> event.</summary>
public sealed record SessionData : EventData
{
    /// <summary>Rating session id.</summary>
    public required string Session { get; init; }

    /// <summary><c>opened</c> or <c>closed</c>.</summary>
    public required string Action { get; init; }

    /// <summary><c>queue</c>, <c>staff</c>, <c>free</c> or <c>citizen</c>.</summary>
    public required string Source { get; init; }

    /// <summary>On close: <c>rated</c>, <c>unrated</c> or <c>cancelled</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>The case, or null.</summary>
    public CaseInfo? Case { get; init; }
}

/// <summary><c>data</c> of an <c>attendance</c> event.</summary>
public sealed record AttendanceData : EventData
{
    /// <summary>Full card number as decoded; for UID cards the UID in upper-case hex (never logged unmasked, SPEC §5.2).</summary>
    public string? Card { get; init; }

    /// <summary>Card format, e.g. <c>H10301</c>, or <c>UID</c>.</summary>
    public string? Format { get; init; }

    /// <summary>Facility code, when the format has one; null for UID cards.</summary>
    public long? Facility { get; init; }

    /// <summary>The reader the card was read on: <c>wiegand</c>, <c>usb-hid</c>, <c>mfrc522</c> or <c>pn532</c> (SPEC §5.1).</summary>
    public string? Reader { get; init; }

    /// <summary>Staff id from the roster, or null for an unknown card.</summary>
    public string? Staff { get; init; }

    /// <summary>Staff name from the roster, or null.</summary>
    public string? Name { get; init; }

    /// <summary><c>sign-in</c>, <c>sign-out</c>, <c>pause</c> or <c>resume</c>.</summary>
    public required string Action { get; init; }

    /// <summary>A repeat swipe inside the duplicate window; changes no state.</summary>
    public bool Duplicate { get; init; }
}

/// <summary><c>data</c> of a <c>fault</c> event.</summary>
public sealed record FaultData : EventData
{
    /// <summary>Fault code, e.g. <c>key-stuck</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Human-readable detail.</summary>
    public string? Detail { get; init; }

    /// <summary>What raised it (key name, reader, storage…).</summary>
    public string? Source { get; init; }
}
