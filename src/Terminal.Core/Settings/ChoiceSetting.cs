namespace Terminal.Core.Settings;

/// <summary>One of a few named values, e.g. <c>session</c> or <c>free</c>; names are case-insensitive.</summary>
/// <typeparam name="T">What each name stands for.</typeparam>
public sealed class ChoiceSetting<T>(string key, T defaultValue, IReadOnlyDictionary<string, T> choices, string meaning, bool settableAtRunTime = false)
    : Setting<T>(key, meaning, settableAtRunTime, defaultValue)
    where T : notnull
{
    /// <summary>The names accepted, in order.</summary>
    public IReadOnlyList<string> Names { get; } = [.. choices.Keys];

    /// <inheritdoc/>
    public override string Rule => string.Join(" or ", Names);

    /// <inheritdoc/>
    public override string Format(T value) =>
        choices.FirstOrDefault(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Key
        ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"{Key} has no name for this value");

    /// <inheritdoc/>
    public override string? Check(T value) =>
        choices.Values.Contains(value) ? null : $"must be {Rule} (was {value})";

    /// <inheritdoc/>
    protected override bool TryRead(string text, out T value, out string reason)
    {
        foreach (var (name, choice) in choices)
        {
            if (name.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                value = choice;
                reason = string.Empty;
                return true;
            }
        }

        value = default!;
        reason = $"'{text}' is not one of: {string.Join(", ", Names)}";
        return false;
    }
}
