using System.Security.Cryptography;

namespace Terminal.Host.FrontPanel.Photos;

/// <summary>
/// What a staff photo from the hall server must be before the 亮身份 card shows it (docs/mqtt.md#staff-photos): at
/// most <see cref="MaxBytes"/>, a JPEG, PNG or WebP by its first bytes, and the SHA-256 the roster gives.
/// </summary>
internal static class PhotoCheck
{
    /// <summary>Largest photo taken: a portrait for an 800×480 or 1080p screen needs far less.</summary>
    public const int MaxBytes = 512 * 1024;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The photo's type (its file extension), or the reason it is refused.</summary>
    public static PhotoVerdict Check(ReadOnlySpan<byte> bytes, string sha256)
    {
        if (bytes.Length > MaxBytes)
        {
            return PhotoVerdict.Refused($"{bytes.Length} bytes or more, over the {MaxBytes} allowed");
        }

        if (TypeOf(bytes) is not { } type)
        {
            return PhotoVerdict.Refused("not a JPEG, PNG or WebP image");
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return actual == sha256 ? PhotoVerdict.Accepted(type) : PhotoVerdict.Refused($"SHA-256 is {actual}, the roster says {sha256}");
    }

    /// <summary>The extension for an image type known by its magic bytes, or null.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Jpeg) ? "jpg"
        : bytes.StartsWith(Png) ? "png"
        : bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "webp"
        : null;
}

/// <summary>A checked photo's type, or why it is not shown.</summary>
/// <param name="Type">The extension (<c>jpg</c>, <c>png</c>, <c>webp</c>) when accepted.</param>
/// <param name="Reason">Why it was refused, when refused.</param>
internal sealed record PhotoVerdict(string? Type, string? Reason)
{
    public static PhotoVerdict Accepted(string type) => new(type, null);

    public static PhotoVerdict Refused(string reason) => new(null, reason);
}
