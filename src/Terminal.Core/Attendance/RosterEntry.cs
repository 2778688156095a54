namespace Terminal.Core.Attendance;

/// <summary>One staff member of the hall roster (docs/mqtt.md#roster).</summary>
/// <param name="Staff">Staff id (工号), e.g. <c>S-1034</c>.</param>
/// <param name="Name">Name shown at the window (亮身份), or null.</param>
/// <param name="Title">Title or window role, or null.</param>
/// <param name="Cards">Cards in <c>format:facility:number</c> form.</param>
public sealed record RosterEntry(string Staff, string? Name, string? Title, IReadOnlyList<string> Cards);
