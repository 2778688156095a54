namespace Terminal.Core.Attendance;

/// <summary>One staff member of the hall roster (docs/mqtt.md#roster).</summary>
/// <param name="Staff">Staff id (工号), e.g. <c>S-1034</c>.</param>
/// <param name="Name">Name shown at the window (亮身份), or null.</param>
/// <param name="Title">Title or window role, or null.</param>
/// <param name="Cards">Cards in <c>format:facility:number</c> form.</param>
public sealed record RosterEntry(string Staff, string? Name, string? Title, IReadOnlyList<string> Cards)
{
    /// <summary>The staff member's photo on the hall server, for the front panel's 亮身份 card, or null.</summary>
    public RosterPhoto? Photo { get; init; }

    /// <summary>The service pledge (服务承诺) shown under the name, or null.</summary>
    public string? Pledge { get; init; }

    /// <summary>Badge codes, e.g. <c>party-member</c> (党员), <c>model-post</c> (示范岗); see <see cref="StaffBadges"/>.</summary>
    public IReadOnlyList<string> Badges { get; init; } = [];

    /// <summary>Star rating 1–5 (星级), or null.</summary>
    public int? Stars { get; init; }
}

/// <summary>Where the hall server keeps a staff photo and what its bytes hash to (docs/mqtt.md#staff-photos).</summary>
/// <param name="Url">An absolute http or https URL.</param>
/// <param name="Sha256">SHA-256 of the file, 64 lower-case hex digits.</param>
public sealed record RosterPhoto(string Url, string Sha256);
