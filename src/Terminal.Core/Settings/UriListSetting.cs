namespace Terminal.Core.Settings;

/// <summary>A list of absolute URIs of the given schemes, e.g. the broker URIs; each entry is its own key (<c>…:Uris:0</c>).</summary>
public sealed class UriListSetting(string key, string itemName, IReadOnlyList<string> schemes, string example, string meaning)
    : Setting<IReadOnlyList<Uri>>(key, meaning, false, null)
{
    /// <inheritdoc/>
    public override string Rule => $"one or more {itemName}s ({example})";

    /// <inheritdoc/>
    public override bool Required => true;

    /// <summary>Reads one entry.</summary>
    public bool TryParseItem(string text, out Uri uri, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && schemes.Contains(parsed.Scheme, StringComparer.Ordinal) && !string.IsNullOrEmpty(parsed.Host))
        {
            uri = parsed;
            reason = string.Empty;
            return true;
        }

        uri = null!;
        reason = $"'{text}' is not a {itemName} ({example})";
        return false;
    }

    /// <inheritdoc/>
    public override string Format(IReadOnlyList<Uri> value) => string.Join(",", value.Select(u => u.OriginalString));

    /// <inheritdoc/>
    public override string? Check(IReadOnlyList<Uri> value) => value.Count == 0 ? $"is required: at least one {itemName} ({example})" : null;

    /// <inheritdoc/>
    protected override bool TryRead(string text, out IReadOnlyList<Uri> value, out string reason)
    {
        var uris = new List<Uri>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParseItem(part, out var uri, out reason))
            {
                value = [];
                return false;
            }

            uris.Add(uri);
        }

        value = uris;
        reason = string.Empty;
        return true;
    }
}
