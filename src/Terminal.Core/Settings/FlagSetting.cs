namespace Terminal.Core.Settings;

/// <summary>A switch: <c>true</c> or <c>false</c>.</summary>
public sealed class FlagSetting(string key, bool defaultValue, string meaning, bool settableAtRunTime = false)
    : Setting<bool>(key, meaning, settableAtRunTime, defaultValue)
{
    /// <inheritdoc/>
    public override string Rule => "true or false";

    /// <inheritdoc/>
    public override string Format(bool value) => value ? "true" : "false";

    /// <inheritdoc/>
    protected override bool TryRead(string text, out bool value, out string reason)
    {
        reason = bool.TryParse(text, out value) ? string.Empty : $"'{text}' is not true or false";
        return reason.Length == 0;
    }
}
