namespace Terminal.Core.Settings;

/// <summary>A setting whose values are of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
public abstract class Setting<T> : Setting
    where T : notnull
{
    private protected Setting(string key, string meaning, bool settableAtRunTime, T? defaultValue)
        : base(key, meaning, settableAtRunTime) => Default = defaultValue;

    /// <summary>The value when none is configured, or null when there is none.</summary>
    public T? Default { get; }

    /// <inheritdoc/>
    public override string? DefaultText => Default is { } value ? Format(value) : null;

    /// <summary>Reads <paramref name="text"/>: its form, then its range.</summary>
    public bool TryParse(string text, out T value, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryRead(text, out value, out reason))
        {
            return false;
        }

        var outOfRange = Check(value);
        reason = outOfRange ?? string.Empty;
        return outOfRange is null;
    }

    /// <summary>The configuration-file form of <paramref name="value"/>.</summary>
    public abstract string Format(T value);

    /// <summary>Why <paramref name="value"/> is out of range, or null.</summary>
    public virtual string? Check(T value) => null;

    /// <inheritdoc/>
    public sealed override bool TryParseText(string text, out object? value, out string reason)
    {
        var ok = TryParse(text, out var typed, out reason);
        value = ok ? typed : null;
        return ok;
    }

    /// <inheritdoc/>
    public sealed override bool TryReadText(string text, out object? value, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ok = TryRead(text, out var typed, out reason);
        value = ok ? typed : null;
        return ok;
    }

    /// <inheritdoc/>
    public sealed override string FormatValue(object value) => Format((T)value);

    /// <inheritdoc/>
    public sealed override string? CheckValue(object value) => Check((T)value);

    /// <summary>Reads the form of <paramref name="text"/> only.</summary>
    protected abstract bool TryRead(string text, out T value, out string reason);
}
