namespace Terminal.Core.Commands;

/// <summary>Why a command was refused: <c>{"code":…, "message":…}</c> in the result (SPEC §5.4).</summary>
/// <param name="Code">Stable code, one of the constants below.</param>
/// <param name="Message">What was wrong, for a person.</param>
public sealed record CommandError(string Code, string Message)
{
    /// <summary>The payload is not JSON (or has duplicate fields).</summary>
    public const string Malformed = "malformed";

    /// <summary>The payload is over <see cref="CommandNames.MaxPayloadBytes"/>.</summary>
    public const string TooLarge = "too-large";

    /// <summary>No such command.</summary>
    public const string UnknownCommand = "unknown-command";

    /// <summary>A field is unknown, missing, of the wrong type or out of range.</summary>
    public const string InvalidField = "invalid-field";

    /// <summary><c>config.set</c> values that are refused as a whole.</summary>
    public const string InvalidConfig = "invalid-config";

    /// <summary><c>session.cancel</c> with no (such) open session.</summary>
    public const string NoSession = "no-session";

    /// <summary>The host could not do it (e.g. the self-test failed to run, or took too long).</summary>
    public const string Failed = "failed";

    /// <summary>The same kind of work is already running (e.g. a second <c>update.apply</c>); try again later.</summary>
    public const string Busy = "busy";
}
