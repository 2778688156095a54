using System.Globalization;
using System.Text.RegularExpressions;

namespace Terminal.Core.Settings;

/// <summary>A duration, written as a .NET <c>TimeSpan</c> string (<c>"00:00:30"</c>), within a range.</summary>
public sealed partial class DurationSetting(string key, TimeSpan defaultValue, TimeSpan min, TimeSpan max, string meaning, bool settableAtRunTime = false)
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
        // TimeSpan.TryParse alone reads a bare number, and "24:00:00", as days: only [-][d.]h:m[:s[.f]]
        // with hours below 24 is taken (the "duration" pattern of docs/schemas/common.schema.json).
        if (Written().IsMatch(text) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value))
        {
            reason = string.Empty;
            return true;
        }

        value = default;
        reason = $"'{text}' is not a duration (hh:mm:ss, e.g. \"00:00:30\")";
        return false;
    }

    [GeneratedRegex(@"^\s*-?([0-9]{1,8}\.)?0*(1?[0-9]|2[0-3]):0*[1-5]?[0-9](:0*[1-5]?[0-9](\.[0-9]{1,7})?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Written();
}
