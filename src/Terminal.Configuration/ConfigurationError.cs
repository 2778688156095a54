namespace Terminal.Configuration;

/// <summary>Invalid configuration: where it came from, which key, and why (one line for stderr).</summary>
internal sealed class ConfigurationError(string source, string key, string reason) : Exception($"{source}: {key}: {reason}")
{
    public string Origin { get; } = source;

    public string Key { get; } = key;

    public string Reason { get; } = reason;
}
