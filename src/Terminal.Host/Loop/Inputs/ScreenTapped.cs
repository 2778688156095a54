using Terminal.Core.Screen;

namespace Terminal.Host.Loop.Inputs;

/// <summary>
/// A tap on a rating or reason button of the front panel's touch screen (docs/front-panel.md#touch): an input of the
/// panel like a key press, so the self-test diverts it too.
/// </summary>
/// <param name="Tap">The button, and the session the screen showed when it was tapped.</param>
internal sealed record ScreenTapped(ScreenTap Tap) : PanelInput;
