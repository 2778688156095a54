using System.Security.Cryptography;

namespace Terminal.Deploy.Tests.Support;

/// <summary>The release side: an ECDSA P-256 key pair that signs packages as terminal-update expects.</summary>
internal sealed class UpdateSigner : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Writes FILE.sig: DER (RFC 3279) signature of the file's SHA-256, raw or base64.</summary>
    public void Sign(string file, bool base64 = false)
    {
        var signature = _key.SignData(File.ReadAllBytes(file), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (base64)
        {
            File.WriteAllText(file + ".sig", Convert.ToBase64String(signature) + "\n");
        }
        else
        {
            File.WriteAllBytes(file + ".sig", signature);
        }
    }

    public void Dispose() => _key.Dispose();
}
