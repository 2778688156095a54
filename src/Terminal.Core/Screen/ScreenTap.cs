namespace Terminal.Core.Screen;

/// <summary>
/// A tap on a button of the front panel's touch screen (SPEC §8): a press like a key's, decided by
/// the same rules (SPEC §3.1), for the session the screen showed when it was tapped.
/// </summary>
/// <param name="Session">
/// The session the screen showed (null: none, e.g. the idle screen in <c>free</c> mode). A tap for
/// a session that is no longer the one to rate is stale and changes nothing.
/// </param>
public abstract record ScreenTap(string? Session)
{
    /// <summary>The key a tap's rating names (SPEC §5.1: <c>key: "screen"</c>).</summary>
    public const string Key = "screen";
}
