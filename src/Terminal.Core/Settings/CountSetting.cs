using System.Globalization;

namespace Terminal.Core.Settings;

/// <summary>A whole number (events, bytes, percent), within a range.</summary>
public sealed class CountSetting(string key, long defaultValue, long min, long max, string meaning, bool settableAtRunTime = false)
    : Setting<long>(key, meaning, settableAtRunTime, defaultValue)
{
    /// <summary>The smallest value accepted.</summary>
    public long Min { get; } = min;

    /// <summary>The largest value accepted.</summary>
    public long Max { get; } = max;

    /// <inheritdoc/>
    public override string Rule => Max == long.MaxValue ? string.Create(CultureInfo.InvariantCulture, $"at least {Min}") : string.Create(CultureInfo.InvariantCulture, $"{Min} to {Max}");

    /// <inheritdoc/>
    public override string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string? Check(long value) =>
        value < Min || value > Max ? string.Create(CultureInfo.InvariantCulture, $"must be {Rule} (was {value})") : null;

    /// <inheritdoc/>
    protected override bool TryRead(string text, out long value, out string reason)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            reason = string.Empty;
            return true;
        }

        reason = Min > 0 ? $"'{text}' is not a positive whole number" : $"'{text}' is not a whole number";
        return false;
    }
}
