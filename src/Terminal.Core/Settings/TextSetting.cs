namespace Terminal.Core.Settings;

/// <summary>A piece of text: an id, a name, a path. Never empty when given.</summary>
public sealed class TextSetting : Setting<string>
{
    private readonly Func<string, string?>? _check;

    /// <summary>A text setting.</summary>
    /// <param name="key">Configuration key.</param>
    /// <param name="meaning">What it does.</param>
    /// <param name="defaultValue">The value when none is configured; null when there is none.</param>
    /// <param name="required">Whether start-up needs it.</param>
    /// <param name="rule">What it accepts, in words.</param>
    /// <param name="check">Why a value is refused, or null when it is fine.</param>
    /// <param name="kind">What the text names, for the reader's extra checks.</param>
    public TextSetting(string key, string meaning, string? defaultValue = null, bool required = false, string rule = "text", Func<string, string?>? check = null, TextKind kind = TextKind.Text)
        : base(key, meaning, false, defaultValue)
    {
        _check = check;
        Rule = rule;
        Required = required;
        Kind = kind;
    }

    /// <inheritdoc/>
    public override string Rule { get; }

    /// <inheritdoc/>
    public override bool Required { get; }

    /// <summary>What the text names: the configuration reader checks that files exist and secrets are private.</summary>
    public TextKind Kind { get; }

    /// <inheritdoc/>
    public override string Format(string value) => value;

    /// <inheritdoc/>
    public override string? Check(string value) => value.Length == 0 ? "must not be empty" : _check?.Invoke(value);

    /// <inheritdoc/>
    protected override bool TryRead(string text, out string value, out string reason)
    {
        value = text;
        reason = string.Empty;
        return true;
    }
}

/// <summary>What a <see cref="TextSetting"/> names.</summary>
public enum TextKind
{
    /// <summary>Plain text (an id, a name, a directory the terminal creates).</summary>
    Text,

    /// <summary>A file the terminal reads: it must exist and be readable.</summary>
    File,

    /// <summary>A file with a secret (key, password): as <see cref="File"/>, and not readable by every user.</summary>
    SecretFile,
}
