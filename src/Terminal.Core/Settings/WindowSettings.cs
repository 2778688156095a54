using System.Collections.Immutable;

namespace Terminal.Core.Settings;

/// <summary>
/// The rules a <see cref="Window.ServiceWindow"/> works by: the values of the settings
/// <c>config.set</c> may change (<see cref="TerminalSettings.SettableAtRunTime"/>), immutable.
/// </summary>
public sealed class WindowSettings : IEquatable<WindowSettings>
{
    private readonly ImmutableDictionary<Setting, object> _values;

    private WindowSettings(ImmutableDictionary<Setting, object> values) => _values = values;

    /// <summary>The defaults of SPEC §3.</summary>
    public static WindowSettings Default { get; } = new(TerminalSettings.SettableAtRunTime.ToImmutableDictionary(s => s, DefaultOf));

    /// <summary>The value of <paramref name="setting"/>.</summary>
    /// <exception cref="ArgumentException">The setting is not one of the window's.</exception>
    public T Get<T>(Setting<T> setting)
        where T : notnull =>
        _values.TryGetValue(setting, out var value) ? (T)value : throw NotAWindowSetting(setting);

    /// <summary>These settings with <paramref name="setting"/> set to <paramref name="value"/> (not yet validated).</summary>
    public WindowSettings With<T>(Setting<T> setting, T value)
        where T : notnull => With((Setting)setting, value);

    /// <summary>As <see cref="With{T}"/>, for a value read through <see cref="Setting.TryParseText"/>.</summary>
    public WindowSettings With(Setting setting, object value)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(value);
        return _values.ContainsKey(setting) ? new(_values.SetItem(setting, value)) : throw NotAWindowSetting(setting);
    }

    /// <summary>Each setting with its value in configuration-file form, in table order.</summary>
    public IEnumerable<(Setting Setting, string Text)> Values =>
        TerminalSettings.SettableAtRunTime.Select(s => (s, s.FormatValue(_values[s])));

    /// <summary>Reasons the settings are invalid, each <c>Terminal:Section:Key: why (was value)</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate() =>
        [.. TerminalSettings.SettableAtRunTime.Select(s => s.CheckValue(_values[s]) is { } reason ? $"{s.Key}: {reason}" : null).OfType<string>()];

    /// <inheritdoc/>
    public bool Equals(WindowSettings? other) =>
        other is not null && _values.Count == other._values.Count && _values.All(v => other._values.TryGetValue(v.Key, out var o) && Equals(v.Value, o));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WindowSettings);

    /// <inheritdoc/>
    public override int GetHashCode() => _values.Aggregate(0, (hash, v) => HashCode.Combine(hash, v.Key.Key, v.Value));

    private static object DefaultOf(Setting setting) =>
        setting.DefaultText is { } text && setting.TryParseText(text, out var value, out _) ? value! : throw new InvalidOperationException($"{setting.Key} has no valid default");

    private static ArgumentException NotAWindowSetting(Setting setting) =>
        new($"{setting.Key} is not a setting config.set can change", nameof(setting));
}
