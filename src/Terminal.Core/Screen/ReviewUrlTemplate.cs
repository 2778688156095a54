using System.Text.RegularExpressions;

namespace Terminal.Core.Screen;

/// <summary>
/// <c>Panel:ReviewUrl</c> (docs/configuration.md#panel): the address of an online review of the same case (一事一评),
/// shown as a QR code on the thank-you screen; <c>{hall}</c>, <c>{terminal}</c>, <c>{session}</c> and
/// <c>{caseNo}</c> are replaced by the rated session's values, URL-escaped.
/// </summary>
public static partial class ReviewUrlTemplate
{
    /// <summary>The placeholders a template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["hall", "terminal", "session", "caseNo"];

    /// <summary>Why <paramref name="template"/> is refused (unknown placeholder, not an http(s) URL), or null when it is fine.</summary>
    public static string? Check(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (Match m in Placeholder().Matches(template))
        {
            if (!Placeholders.Contains(m.Groups[1].Value, StringComparer.Ordinal))
            {
                return $"unknown placeholder {m.Value} (known: {string.Join(" ", Placeholders.Select(p => "{" + p + "}"))})";
            }
        }

        var sample = Fill(template, "H", "T", "S", "C");
        return Uri.TryCreate(sample, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)
            ? null
            : $"'{template}' is not an absolute http or https URL template";
    }

    /// <summary>The URL for one rated session; a missing case number is left empty.</summary>
    public static string Fill(string template, string hall, string terminal, string session, string? caseNo)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Placeholder().Replace(template, m => Uri.EscapeDataString(m.Groups[1].Value switch
        {
            "hall" => hall,
            "terminal" => terminal,
            "session" => session,
            "caseNo" => caseNo ?? string.Empty,
            _ => m.Value,
        }));
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
