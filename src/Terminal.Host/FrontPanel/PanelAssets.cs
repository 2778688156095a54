using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// The page's files (<c>FrontPanel/wwwroot</c>), embedded in the program and served from memory: a
/// handful of plain HTML/CSS/JS files with no build step. Written here rather than with the static-file
/// middleware because these routes must carry <see cref="PanelRoute"/> to be reachable on the panel's
/// listener only, and there is nothing on disk to map.
/// </summary>
internal sealed class PanelAssets
{
    private const string Prefix = "panel/";
    private readonly Dictionary<string, Asset> _files = new(StringComparer.Ordinal);

    public PanelAssets()
    {
        var assembly = typeof(PanelAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var file = name[Prefix.Length..];
            _files[file] = new Asset(bytes, ContentType(file), $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }
    }

    /// <summary>The files' names, e.g. <c>index.html</c>.</summary>
    public IReadOnlyCollection<string> Files => _files.Keys;

    /// <summary>Bytes of all files together: what a first visit transfers besides the feed and images.</summary>
    public long TotalBytes => _files.Values.Sum(a => (long)a.Bytes.Length);

    public IResult Serve(HttpContext context, string file)
    {
        if (!_files.TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }

        // Revalidated on every load (an update replaces the files), answered with 304 when unchanged.
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Bytes, asset.ContentType, entityTag: new EntityTagHeaderValue(asset.ETag));
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
