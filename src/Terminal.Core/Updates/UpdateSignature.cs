using System.Security.Cryptography;
using System.Text;

namespace Terminal.Core.Updates;

/// <summary>
/// Signatures of update packages (deploy/README.md#on-the-device): ECDSA P-256 over the package's SHA-256. The signature
/// file is <c>PACKAGE.sig</c> beside the package, holding the DER ECDSA-Sig-Value (RFC 3279, as
/// <c>openssl dgst -sha256 -sign</c> writes it) or that DER in base64 (as docs/mqtt.md#commands's
/// <c>update.apply</c> carries it); keys are PEM (SubjectPublicKeyInfo / PKCS#8 or SEC1).
/// Pure: callers hash the package and read the files.
/// </summary>
public static class UpdateSignature
{
    /// <summary>Suffix of the signature file next to a package.</summary>
    public const string FileSuffix = ".sig";

    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Checks <paramref name="signatureFile"/> against the package digest with a PEM public key.</summary>
    /// <param name="packageSha256">SHA-256 of the whole package file (32 bytes).</param>
    /// <param name="signatureFile">Contents of the <c>.sig</c> file: DER, or base64 of DER.</param>
    /// <param name="publicKeyPem">The trusted key, PEM.</param>
    public static SignatureVerdict Verify(ReadOnlySpan<byte> packageSha256, ReadOnlySpan<byte> signatureFile, string publicKeyPem)
    {
        if (packageSha256.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException("expected a SHA-256 digest (32 bytes)", nameof(packageSha256));
        }

        using var key = ImportP256(publicKeyPem, isPrivate: false);
        if (key is null)
        {
            return SignatureVerdict.UnusableKey;
        }

        if (Decode(signatureFile) is not { } der)
        {
            return SignatureVerdict.MalformedSignature;
        }

        try
        {
            return key.VerifyHash(packageSha256, der, DSASignatureFormat.Rfc3279DerSequence)
                ? SignatureVerdict.Valid
                : SignatureVerdict.Mismatch;
        }
        catch (CryptographicException)
        {
            return SignatureVerdict.MalformedSignature;
        }
    }

    /// <summary>Signs a package digest with a PEM private key (release side); returns the DER signature.</summary>
    /// <exception cref="ArgumentException">The key is not an ECDSA P-256 private key.</exception>
    public static byte[] Sign(ReadOnlySpan<byte> packageSha256, string privateKeyPem)
    {
        using var key = ImportP256(privateKeyPem, isPrivate: true)
            ?? throw new ArgumentException("not a PEM ECDSA P-256 private key", nameof(privateKeyPem));
        return key.SignHash(packageSha256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>The DER signature from a signature file's bytes (raw DER or base64 text), or null.</summary>
    public static byte[]? Decode(ReadOnlySpan<byte> signatureFile)
    {
        // A DER ECDSA-Sig-Value starts with SEQUENCE (0x30); base64 text never does ('0' is 0x30 too,
        // but a base64 DER signature starts with 'M').
        if (signatureFile.Length > 0 && signatureFile[0] == 0x30)
        {
            return signatureFile.ToArray();
        }

        try
        {
            var text = Encoding.ASCII.GetString(signatureFile).Trim();
            var der = Convert.FromBase64String(text);
            return der.Length > 0 && der[0] == 0x30 ? der : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ECDsa? ImportP256(string pem, bool isPrivate)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            var parameters = key.ExportParameters(includePrivateParameters: false);
            if (parameters.Curve.Oid?.Value == P256Oid || parameters.Curve.Oid?.FriendlyName is "nistP256" or "ECDSA_P256")
            {
                if (!isPrivate || HasPrivateKey(key))
                {
                    return key;
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
        }

        key.Dispose();
        return null;
    }

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            key.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
