namespace Terminal.Cli;

/// <summary>Exit codes of <c>terminalctl</c> (documented in every verb's help).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The check failed or the terminal refused (validation errors, failed self-test part, bad input).</summary>
    public const int Failed = 1;

    /// <summary>Wrong usage (unknown verb or option).</summary>
    public const int Usage = 2;

    /// <summary>The running terminal or the broker cannot be reached.</summary>
    public const int Unreachable = 3;

    public const string Help = "Exit codes: 0 ok, 1 failed/refused, 2 usage, 3 terminal or broker unreachable.";
}

/// <summary>A failure to report on stderr with an exit code.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
