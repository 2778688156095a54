namespace Terminal.Core.Settings;

/// <summary>The <c>Terminal:Rating</c> settings (SPEC §3.1, §6).</summary>
public sealed record RatingSettings
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Terminal:Rating";

    /// <summary>How sessions start.</summary>
    public RatingMode Mode { get; init; } = RatingMode.Session;

    /// <summary>An open session with no press for this long closes as <c>unrated</c>.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a bad rating waits for a reason before it is published with <c>reasons: []</c>.</summary>
    public TimeSpan ReasonTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Quiet time after a press during which further presses are repeats, not new ratings.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A key held longer than this raises <c>key-stuck</c> and is ignored until released.</summary>
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reasons this section is invalid, each naming the key; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Mode))
        {
            yield return $"{Section}:Mode: must be 'session' or 'free' (was {(int)Mode})";
        }

        foreach (var error in SettingRange.Check($"{Section}:SessionTimeout", SessionTimeout, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30))
            .Concat(SettingRange.Check($"{Section}:ReasonTimeout", ReasonTimeout, TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(5)))
            .Concat(SettingRange.Check($"{Section}:Cooldown", Cooldown, TimeSpan.Zero, TimeSpan.FromMinutes(1)))
            .Concat(SettingRange.Check($"{Section}:StuckAfter", StuckAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10))))
        {
            yield return error;
        }
    }
}
