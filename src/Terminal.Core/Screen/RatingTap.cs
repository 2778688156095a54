namespace Terminal.Core.Screen;

/// <summary>A tap on a rating button.</summary>
/// <param name="Level">The button's level (1–5; the board must have it).</param>
/// <param name="Session">The session the screen showed, or null.</param>
public sealed record RatingTap(int Level, string? Session) : ScreenTap(Session);
