using System.Security.Cryptography;
using Terminal.Core.Commands;
using Terminal.Core.Updates;
using Terminal.Host.Updates;

namespace Terminal.Host.Tests.Updates;

public sealed class UpdateStagerTests : IDisposable
{
    private static readonly Uri Url = new("https://hall-server/terminal_0.2.0_all.deb");
    private readonly string _dir = Directory.CreateTempSubdirectory("stager-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _package = RandomNumberGenerator.GetBytes(200_000);

    public UpdateStagerTests() => File.WriteAllText(KeyPath, _key.ExportSubjectPublicKeyInfoPem());

    private string KeyPath => Path.Combine(_dir, "update-key.pem");

    private string Updates => Path.Combine(_dir, "updates");

    [Fact]
    public async Task SignedPackage_IsStaged_WithSignatureAndTrigger()
    {
        var error = await Stager().StageAsync(Command(), CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(_package, await File.ReadAllBytesAsync(Path.Combine(Updates, "terminal.deb")));
        Assert.True(File.Exists(Path.Combine(Updates, "terminal.deb.sig")));
        Assert.True(File.Exists(Path.Combine(Updates, "apply")));
        Assert.False(File.Exists(Path.Combine(Updates, "terminal.deb.part")));
    }

    [Fact]
    public async Task WrongSha256_IsRefused_AndNothingStaged()
    {
        var error = await Stager().StageAsync(Command() with { Sha256 = new string('0', 64) }, CancellationToken.None);

        Assert.Contains("sha256", error!.Message, StringComparison.Ordinal);
        AssertNothingStaged();
    }

    [Fact]
    public async Task TamperedPackage_FailsTheSignature_AndNothingStaged()
    {
        var command = Command();
        _package[1000] ^= 0xFF;
        var error = await Stager().StageAsync(command with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(_package)) }, CancellationToken.None);

        Assert.Contains("signature", error!.Message, StringComparison.Ordinal);
        AssertNothingStaged();
    }

    [Fact]
    public async Task MissingKey_IsRefused_BeforeFetching()
    {
        var fetched = false;
        var stager = new UpdateStager(_dir, [Path.Combine(_dir, "none.pem")], (_, _) =>
        {
            fetched = true;
            return Task.FromResult<Stream>(new MemoryStream(_package));
        });

        var error = await stager.StageAsync(Command(), CancellationToken.None);

        Assert.Contains("no update key", error!.Message, StringComparison.Ordinal);
        Assert.False(fetched);
    }

    [Fact]
    public async Task FileUrl_IsRefused()
    {
        var error = await Stager().StageAsync(Command() with { Url = new Uri("file:///etc/shadow") }, CancellationToken.None);

        Assert.Contains("only http(s)", error!.Message, StringComparison.Ordinal);
        AssertNothingStaged();
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private UpdateStager Stager() =>
        new(_dir, [KeyPath], (_, _) => Task.FromResult<Stream>(new MemoryStream(_package)));

    private UpdateApplyCommand Command()
    {
        var digest = SHA256.HashData(_package);
        var signature = UpdateSignature.Sign(digest, _key.ExportECPrivateKeyPem());
        return new UpdateApplyCommand(Url, Convert.ToHexStringLower(digest), signature);
    }

    private void AssertNothingStaged() =>
        Assert.False(Directory.Exists(Updates) && Directory.EnumerateFiles(Updates).Any(), "nothing may be left in updates/");
}
