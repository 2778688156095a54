using System.Security.Cryptography;
using Terminal.Core.Updates;

namespace Terminal.Cli.Tests.Package;

public sealed class UpdateSignatureTests
{
    private static readonly byte[] Package = "terminal_1.2.0_all.deb contents"u8.ToArray();

    [Fact]
    public void Verify_SignatureOverDigest_IsValid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = key.SignData(Package, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.Equal(SignatureVerdict.Valid, UpdateSignature.Verify(SHA256.HashData(Package), signature, key.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Verify_Base64Signature_IsValid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = key.SignData(Package, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var file = System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(signature) + "\n");

        Assert.Equal(SignatureVerdict.Valid, UpdateSignature.Verify(SHA256.HashData(Package), file, key.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Verify_OneBitChangedInPackage_IsMismatch()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = key.SignData(Package, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var tampered = Package.ToArray();
        tampered[3] ^= 1;

        Assert.Equal(SignatureVerdict.Mismatch, UpdateSignature.Verify(SHA256.HashData(tampered), signature, key.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Verify_OtherSignersKey_IsMismatch()
    {
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var trusted = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = signer.SignData(Package, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.Equal(SignatureVerdict.Mismatch, UpdateSignature.Verify(SHA256.HashData(Package), signature, trusted.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Verify_GarbageSignature_IsMalformed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(SignatureVerdict.MalformedSignature, UpdateSignature.Verify(SHA256.HashData(Package), "not a signature!"u8, key.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Verify_P384Key_IsUnusable()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var signature = key.SignData(Package, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.Equal(SignatureVerdict.UnusableKey, UpdateSignature.Verify(SHA256.HashData(Package), signature, key.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Verify_RsaKey_IsUnusable()
    {
        using var rsa = RSA.Create(2048);

        Assert.Equal(SignatureVerdict.UnusableKey, UpdateSignature.Verify(SHA256.HashData(Package), [0x30, 0x00], rsa.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Sign_ThenVerify_RoundTrips()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var digest = SHA256.HashData(Package);

        var signature = UpdateSignature.Sign(digest, key.ExportPkcs8PrivateKeyPem());

        Assert.Equal(SignatureVerdict.Valid, UpdateSignature.Verify(digest, signature, key.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Sign_WithPublicKeyOnly_Throws()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Throws<ArgumentException>(() => UpdateSignature.Sign(SHA256.HashData(Package), key.ExportSubjectPublicKeyInfoPem()));
    }
}
