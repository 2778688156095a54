namespace Terminal.Core.Screen;

/// <summary>
/// A tap on a button of the front panel's touch screen (docs/front-panel.md#touch): a press like a key's, decided by
/// the same rules (docs/mqtt.md#rating), for the session the screen showed when it was tapped.
/// </summary>
/// <param name="Session">
/// The session the screen showed (null: none, e.g. the idle screen in <c>free</c> mode). A tap for
/// a session that is no longer the one to rate is stale and changes nothing.
/// </param>
public abstract record ScreenTap(string? Session)
{
    /// <summary>The key a tap's rating names (docs/mqtt.md#rating: <c>key: "screen"</c>).</summary>
    public const string Key = "screen";
}
