using Terminal.Core.Settings;

namespace Terminal.Core.Commands;

/// <summary>One setting a <c>config.set</c> gives, with its value (form checked, range not yet).</summary>
/// <param name="Setting">The entry of the settings table.</param>
/// <param name="Value">The value read.</param>
public sealed record SettingChange(Setting Setting, object Value);
