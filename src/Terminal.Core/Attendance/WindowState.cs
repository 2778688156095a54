namespace Terminal.Core.Attendance;

/// <summary>Staffing of the window, part of the retained status (docs/mqtt.md#attendance, docs/mqtt.md#status).</summary>
public enum WindowState
{
    /// <summary>Nobody signed in (离岗).</summary>
    Unstaffed,

    /// <summary>Someone signed in.</summary>
    Staffed,

    /// <summary>Signed in, on a pause (暂离).</summary>
    Paused,
}

/// <summary>The status document's <c>window</c> object: <c>state</c>, <c>staff</c>, <c>name</c> (docs/mqtt.md#status).</summary>
/// <param name="State">Staffing state.</param>
/// <param name="Staff">Signed-in staff id; null when unstaffed or the card is not in the roster.</param>
/// <param name="Name">Signed-in staff name, or null.</param>
public sealed record WindowStatus(WindowState State, string? Staff, string? Name)
{
    /// <summary>Nobody signed in.</summary>
    public static WindowStatus Unstaffed { get; } = new(WindowState.Unstaffed, null, null);

    /// <summary>The wire name of <see cref="State"/>: <c>unstaffed</c>, <c>staffed</c> or <c>paused</c>.</summary>
    public string StateName => State switch
    {
        WindowState.Unstaffed => "unstaffed",
        WindowState.Staffed => "staffed",
        WindowState.Paused => "paused",
        _ => throw new InvalidOperationException($"unknown window state {State}"),
    };
}
