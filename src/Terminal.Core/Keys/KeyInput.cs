namespace Terminal.Core.Keys;

/// <summary>What a key is for on this board.</summary>
public enum KeyRole
{
    /// <summary>A satisfaction key mapped to a level.</summary>
    Rating,

    /// <summary>Staff key 请评价: opens a rating session.</summary>
    Invite,

    /// <summary>Staff key 暂离: pause/resume.</summary>
    Pause,

    /// <summary>A key that answers the reason prompt of a bad rating.</summary>
    Reason,
}

/// <summary>What happened to the key (after debouncing).</summary>
public enum KeyAction
{
    /// <summary>The key went down.</summary>
    Pressed,

    /// <summary>The key came up.</summary>
    Released,

    /// <summary>The key was already down when the terminal started: watched for being stuck, never a press.</summary>
    HeldAtStart,
}

/// <summary>A debounced key transition, as the core sees it.</summary>
/// <param name="Key">Board name of the key, e.g. <c>k5</c> or <c>invite</c>.</param>
/// <param name="Role">What the key is for.</param>
/// <param name="Level">Rating level for <see cref="KeyRole.Rating"/> keys.</param>
/// <param name="Reason">Reason code for <see cref="KeyRole.Reason"/> keys.</param>
/// <param name="Action">Press, release, or down at start-up.</param>
public sealed record KeyInput(string Key, KeyRole Role, int? Level, string? Reason, KeyAction Action);
