namespace Terminal.Host.FrontPanel.Photos;

/// <summary>What fetching a photo gave: checked bytes, a refusal (never shown), or no answer (tried again later).</summary>
/// <param name="Bytes">The checked photo, when fetched.</param>
/// <param name="Type">Its extension, when fetched.</param>
/// <param name="RefusedBecause">Why the photo is not shown (too big, wrong type, wrong hash).</param>
/// <param name="UnreachableBecause">Why it could not be fetched now.</param>
internal sealed record PhotoFetch(byte[]? Bytes, string? Type, string? RefusedBecause, string? UnreachableBecause)
{
    public static PhotoFetch Fetched(byte[] bytes, string type) => new(bytes, type, null, null);

    public static PhotoFetch Refused(string reason) => new(null, null, reason, null);

    public static PhotoFetch Unreachable(string reason) => new(null, null, null, reason);
}
