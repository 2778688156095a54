namespace Terminal.PowerCut.Campaign;

/// <summary>How a campaign runs (<c>campaign --rounds N …</c>).</summary>
internal sealed record CampaignOptions
{
    public int Rounds { get; init; } = 3;

    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>Cuts land uniformly within this long after the load began.</summary>
    public TimeSpan LoadWindow { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Share of cuts aimed at the terminal's start-up instead (recovery of a held rating, WAL, incidents).</summary>
    public double StartupCutShare { get; init; } = 0.15;

    /// <summary>Start-up cuts land uniformly within this long after the terminal was started.</summary>
    public TimeSpan StartupWindow { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>The deadline for a boot to reach a step (TCG under load: .NET starts in tens of seconds).</summary>
    public TimeSpan StepDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Directory of the terminal's build (terminal.dll); default: this checkout's src/Terminal.Host output.</summary>
    public string? TerminalBuild { get; init; }

    /// <summary>Directory of terminalctl's build; default: this checkout's src/Terminal.Cli output.</summary>
    public string? TerminalctlBuild { get; init; }

    /// <summary>
    /// How the guest drives the terminal: <c>curl</c> (the control socket's HTTP API, as terminalctl
    /// calls it; seconds per input under TCG) or <c>terminalctl</c> (a .NET start per input: a minute
    /// or more under TCG on a loaded machine).
    /// </summary>
    public string Control { get; init; } = "curl";

    /// <summary>Where the work directory goes (kept afterwards); default: a temp directory removed when clean.</summary>
    public string? WorkDirectory { get; init; }
}
