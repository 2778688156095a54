namespace Terminal.Core.Settings;

/// <summary>
/// One entry of the settings table (<see cref="TerminalSettings"/>): its configuration key, what it
/// means, its default and the rules a value must follow. Everything that reads, checks, writes or
/// documents a setting (configuration files, <c>config.set</c>, the settings layer, the docs) works
/// from these entries, so a setting is spelled once.
/// </summary>
public abstract class Setting
{
    private protected Setting(string key, string meaning, bool settableAtRunTime)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        Meaning = meaning;
        SettableAtRunTime = settableAtRunTime;
    }

    /// <summary>The full configuration key, e.g. <c>Terminal:Rating:Cooldown</c>.</summary>
    public string Key { get; }

    /// <summary>The section the key lives in, e.g. <c>Terminal:Rating</c>.</summary>
    public string Section => Key[..Key.LastIndexOf(':')];

    /// <summary>The last part of the key, e.g. <c>Cooldown</c>.</summary>
    public string Name => Key[(Key.LastIndexOf(':') + 1)..];

    /// <summary>What the setting does, in a sentence for engineers.</summary>
    public string Meaning { get; }

    /// <summary>Whether <c>config.set</c> may change it on a running terminal (applied at once, persisted).</summary>
    public bool SettableAtRunTime { get; }

    /// <summary>The default as written in a configuration file, or null when there is none (required or optional).</summary>
    public abstract string? DefaultText { get; }

    /// <summary>The values it accepts, in words, e.g. <c>00:00:00 to 00:01:00</c>.</summary>
    public abstract string Rule { get; }

    /// <summary>Whether the terminal refuses to start without it.</summary>
    public virtual bool Required => false;

    /// <summary>Reads <paramref name="text"/> (form and range); the reason reads after the key, e.g. <c>'x' is not a duration</c>.</summary>
    public abstract bool TryParseText(string text, out object? value, out string reason);

    /// <summary>Reads the form of <paramref name="text"/> only; the range is checked later with <see cref="CheckValue"/>.</summary>
    public abstract bool TryReadText(string text, out object? value, out string reason);

    /// <summary>The configuration-file form of <paramref name="value"/>.</summary>
    public abstract string FormatValue(object value);

    /// <summary>Why <paramref name="value"/> is out of range, or null when it is fine.</summary>
    public abstract string? CheckValue(object value);

    /// <inheritdoc/>
    public override string ToString() => Key;
}
