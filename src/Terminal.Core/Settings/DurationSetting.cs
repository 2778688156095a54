using System.Globalization;

namespace Terminal.Core.Settings;

/// <summary>A duration, written as a .NET <c>TimeSpan</c> string (<c>"00:00:30"</c>), within a range.</summary>
public sealed class DurationSetting(string key, TimeSpan defaultValue, TimeSpan min, TimeSpan max, string meaning, bool settableAtRunTime = false)
    : Setting<TimeSpan>(key, meaning, settableAtRunTime, defaultValue)
{
    /// <summary>The shortest value accepted.</summary>
    public TimeSpan Min { get; } = min;

    /// <summary>The longest value accepted.</summary>
    public TimeSpan Max { get; } = max;

    /// <inheritdoc/>
    public override string Rule => $"{Format(Min)} to {Format(Max)}";

    /// <inheritdoc/>
    public override string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string? Check(TimeSpan value) =>
        value < Min || value > Max ? $"must be between {Format(Min)} and {Format(Max)} (was {Format(value)})" : null;

    /// <inheritdoc/>
    protected override bool TryRead(string text, out TimeSpan value, out string reason)
    {
        // A bare number would parse as days: only the hh:mm:ss form is taken.
        if (text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value))
        {
            reason = string.Empty;
            return true;
        }

        value = default;
        reason = $"'{text}' is not a duration (hh:mm:ss, e.g. \"00:00:30\")";
        return false;
    }
}
