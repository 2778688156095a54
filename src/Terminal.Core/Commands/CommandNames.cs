namespace Terminal.Core.Commands;

/// <summary>Command names, the last level of <c>…/cmd/{name}</c> (docs/mqtt.md#commands).</summary>
public static class CommandNames
{
    /// <summary>Open a rating session.</summary>
    public const string SessionOpen = "session.open";

    /// <summary>Close the open session as cancelled.</summary>
    public const string SessionCancel = "session.cancel";

    /// <summary>Apply and persist rating/attendance settings.</summary>
    public const string ConfigSet = "config.set";

    /// <summary>Run the non-interactive self-test.</summary>
    public const string SelfTestRun = "selftest.run";

    /// <summary>Reply with the status document.</summary>
    public const string StatusGet = "status.get";

    /// <summary>Fetch, verify and install a signed package.</summary>
    public const string UpdateApply = "update.apply";

    /// <summary>Payloads above this size are refused unread (64 KiB).</summary>
    public const int MaxPayloadBytes = 64 * 1024;
}
