namespace Terminal.Core.Commands;

/// <summary>Shape checks of <c>update.apply</c>; fetching and verifying are the host's (deploy/README.md#on-the-device).</summary>
internal static class UpdateApplyReader
{
    public static UpdateApplyCommand Read(CommandFields fields)
    {
        var url = fields.RequiredString("url", 2048);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw CommandRefusedException.Field("'url' must be an absolute http or https URL");
        }

        var sha256 = fields.RequiredString("sha256", 64);
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            throw CommandRefusedException.Field("'sha256' must be 64 hexadecimal digits");
        }

        var signature = fields.RequiredString("signature", 256);
        var bytes = new byte[signature.Length];
        // ECDSA P-256: 64 bytes raw (r‖s) or at most 72 bytes DER.
        if (!Convert.TryFromBase64String(signature, bytes, out var length) || length is < 64 or > 72)
        {
            throw CommandRefusedException.Field("'signature' must be a base64 ECDSA P-256 signature (64–72 bytes)");
        }

        return new UpdateApplyCommand(uri, sha256.ToLowerInvariant(), bytes.AsMemory(0, length));
    }
}
