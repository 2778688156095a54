namespace Terminal.Core.Screen;

/// <summary>A tap on a reason button after a bad rating.</summary>
/// <param name="Code">The reason code (docs/mqtt.md#rating), e.g. <c>fees</c>.</param>
/// <param name="Session">The session whose bad rating the screen asked a reason for.</param>
public sealed record ReasonTap(string Code, string? Session) : ScreenTap(Session);
