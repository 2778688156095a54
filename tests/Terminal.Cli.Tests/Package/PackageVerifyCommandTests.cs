using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Terminal.Cli.Package;

namespace Terminal.Cli.Tests.Package;

public sealed class PackageVerifyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pkgverify-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string _deb;
    private readonly string _publicKey;

    public PackageVerifyCommandTests()
    {
        _deb = Path.Combine(_dir, "terminal_1.2.0_all.deb");
        File.WriteAllBytes(_deb, RandomNumberGenerator.GetBytes(4096));
        _publicKey = Path.Combine(_dir, "update-key.pem");
        File.WriteAllText(_publicKey, _key.ExportSubjectPublicKeyInfoPem());
    }

    [Fact]
    public void Verify_SignedPackage_ExitsZero()
    {
        File.WriteAllBytes(_deb + ".sig", _key.SignData(File.ReadAllBytes(_deb), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        var (exit, output, _) = CliRun.Invoke(PackageVerb.Create(), "package", "verify", _deb, "--key", _publicKey);

        Assert.Equal(0, exit);
        Assert.Contains("signature OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TamperedPackage_ExitsOneAndSaysDoNotInstall()
    {
        File.WriteAllBytes(_deb + ".sig", _key.SignData(File.ReadAllBytes(_deb), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        File.AppendAllText(_deb, "x");

        var (exit, _, error) = CliRun.Invoke(PackageVerb.Create(), "package", "verify", _deb, "--key", _publicKey);

        Assert.Equal(1, exit);
        Assert.Contains("do not install", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MissingSignature_ExitsTwo()
    {
        var (exit, _, error) = CliRun.Invoke(PackageVerb.Create(), "package", "verify", _deb, "--key", _publicKey);

        Assert.Equal(2, exit);
        Assert.Contains(".sig", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Json_ReportsDigestAndVerdict()
    {
        File.WriteAllBytes(_deb + ".sig", _key.SignData(File.ReadAllBytes(_deb), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        var (exit, output, _) = CliRun.Invoke(PackageVerb.Create(), "package", "verify", _deb, "--key", _publicKey, "--json");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("valid", doc.RootElement.GetProperty("verdict").GetString());
        Assert.True(doc.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(_deb))), doc.RootElement.GetProperty("sha256").GetString());
    }

    [Fact]
    public void Sign_ThenVerify_WithOpensslMadeKeysAgrees()
    {
        // The device's terminal-update verifies with openssl; both sides must read the same files.
        var privatePem = Path.Combine(_dir, "release.pem");
        File.WriteAllText(privatePem, _key.ExportECPrivateKeyPem());
        Assert.Equal(0, CliRun.Invoke(PackageVerb.Create(), "package", "sign", _deb, "--key", privatePem).Exit);

        using var openssl = Process.Start(new ProcessStartInfo("openssl", ["dgst", "-sha256", "-verify", _publicKey, "-signature", _deb + ".sig", _deb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var said = openssl.StandardOutput.ReadToEnd();
        openssl.WaitForExit();

        Assert.Equal(0, openssl.ExitCode);
        Assert.Contains("Verified OK", said, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_Help_DocumentsExitCodes()
    {
        var (_, output, _) = CliRun.Invoke(PackageVerb.Create(), "package", "verify", "--help");

        Assert.Contains("Exit codes", output, StringComparison.Ordinal);
        Assert.Contains("--key", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
