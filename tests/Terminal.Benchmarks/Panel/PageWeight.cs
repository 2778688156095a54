using System.Text;

namespace Terminal.Benchmarks.Panel;

/// <summary>
/// What a first visit of the page transfers: the HTML, CSS and scripts (response bodies as sent, no
/// compression), and the first message of the live feed (the whole view). Photos and the review code
/// come on top when shown.
/// </summary>
internal sealed record PageWeight(int Requests, long AssetBytes, long FirstViewBytes)
{
    public long TotalBytes => AssetBytes + FirstViewBytes;

    public static async Task<PageWeight> MeasureAsync(Uri page)
    {
        using var http = new HttpClient { BaseAddress = page, Timeout = TimeSpan.FromSeconds(30) };
        var html = await http.GetByteArrayAsync("/");
        var assets = Assets(Encoding.UTF8.GetString(html)).ToList();
        long bytes = html.Length;
        foreach (var asset in assets)
        {
            bytes += (await http.GetByteArrayAsync(asset)).Length;
        }

        return new PageWeight(1 + assets.Count, bytes, await FirstViewAsync(http));
    }

    /// <summary>The page's own files: every <c>src</c> and <c>href</c> under <c>/panel/</c>.</summary>
    private static IEnumerable<string> Assets(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/panel/[^\"]+)\"").Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    private static async Task<long> FirstViewAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/panel/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var seen = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            seen.Append(line).Append('\n');
            if (line.Length == 0 && seen.ToString().Contains("event: view", StringComparison.Ordinal))
            {
                break;
            }
        }

        return Encoding.UTF8.GetByteCount(seen.ToString());
    }
}
