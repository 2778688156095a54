using System.Text.Json;

namespace Terminal.Core.Attendance;

/// <summary>
/// Reads what the front panel's 亮身份 card shows beyond name and title (docs/mqtt.md#roster): <c>photo</c>
/// {<c>url</c>, <c>sha256</c>}, <c>pledge</c>, <c>badges</c>, <c>stars</c>. Each is optional; a field
/// that is present must be well formed, like the rest of the entry.
/// </summary>
internal static class RosterDisplayJson
{
    /// <summary>Adds the display fields of <paramref name="item"/> to <paramref name="entry"/>; false with the field named when one is malformed.</summary>
    public static bool TryRead(JsonElement item, string path, RosterEntry entry, out RosterEntry withDisplay, out string error)
    {
        withDisplay = entry;
        if (!TryPhoto(item, path, out var photo, out error))
        {
            return false;
        }

        if (!TryText(item, "pledge", out var pledge))
        {
            return Fail($"{path}.pledge: must be a string or null", out error);
        }

        if (!TryBadges(item, out var badges))
        {
            return Fail($"{path}.badges: must be an array of non-empty strings", out error);
        }

        int? stars = null;
        if (item.TryGetProperty("stars", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out var n) || n is < 1 or > 5)
            {
                return Fail($"{path}.stars: must be a whole number from 1 to 5", out error);
            }

            stars = n;
        }

        withDisplay = entry with { Photo = photo, Pledge = pledge, Badges = badges, Stars = stars };
        return true;
    }

    private static bool TryPhoto(JsonElement item, string path, out RosterPhoto? photo, out string error)
    {
        photo = null;
        error = "";
        if (!item.TryGetProperty("photo", out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (p.ValueKind != JsonValueKind.Object)
        {
            return Fail($"{path}.photo: must be an object with url and sha256", out error);
        }

        var url = p.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return Fail($"{path}.photo.url: must be an absolute http or https URL", out error);
        }

        var sha = p.TryGetProperty("sha256", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : "";
        if (sha.Length != 64 || !sha.All(Uri.IsHexDigit))
        {
            return Fail($"{path}.photo.sha256: must be the file's SHA-256 as 64 hex digits", out error);
        }

        photo = new RosterPhoto(url!, sha.ToLowerInvariant());
        return true;
    }

    private static bool TryText(JsonElement item, string property, out string? value)
    {
        value = null;
        if (!item.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return element.ValueKind == JsonValueKind.String;
    }

    private static bool TryBadges(JsonElement item, out IReadOnlyList<string> badges)
    {
        badges = [];
        if (!item.TryGetProperty("badges", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(b => b.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(b.GetString())))
        {
            return false;
        }

        badges = [.. list.EnumerateArray().Select(b => b.GetString()!)];
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
