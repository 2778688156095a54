using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Update;

public sealed class TerminalUpdateTests : IDisposable
{
    private readonly DeviceRoot _device = new("1.0.0");
    private readonly TempDir _downloads = new("downloads-");
    private readonly UpdateSigner _signer = new();

    public TerminalUpdateTests()
    {
        Run.Require("dpkg-deb", "dpkg");
        Run.Require("openssl", "openssl");
        _device.TrustKey(_signer.PublicKeyPem);
    }

    [Fact]
    public void GoodPackage_IsSwitchedToAndKept()
    {
        var deb = SignedPackage("1.1.0", "ready");

        var result = _device.Update("--ready-timeout", "5", "--settle", "0", deb);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("releases/1.1.0", _device.LinkTarget("current"));
        Assert.Equal("releases/1.0.0", _device.LinkTarget("previous"));
        Assert.Equal("releases/1.1.0", _device.Running);
        Assert.True(File.Exists(_device.Opt("releases/1.0.0/terminal.dll")), "previous release stays installed");
        Assert.Contains("\"result\":\"updated\"", _device.LastUpdate, StringComparison.Ordinal);
    }

    [Fact]
    public void TamperedPackage_IsRefusedBeforeAnythingChanges()
    {
        var deb = SignedPackage("1.1.0", "ready");
        var bytes = File.ReadAllBytes(deb);
        bytes[bytes.Length / 2] ^= 0x01; // one bit, in the payload
        File.WriteAllBytes(deb, bytes);

        var before = _device.Snapshot();

        var result = _device.Update("--ready-timeout", "5", "--settle", "0", deb);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("signature", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, _device.Snapshot());
        Assert.Equal("", _device.SystemctlCalls);
    }

    [Fact]
    public void PackageSignedWithAnotherKey_IsRefused()
    {
        var deb = ReleasePackage.Build(_downloads.Path, "1.1.0", "ready");
        using var stranger = new UpdateSigner();
        stranger.Sign(deb);
        var before = _device.Snapshot();

        var result = _device.Update("--ready-timeout", "5", "--settle", "0", deb);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, _device.Snapshot());
    }

    [Fact]
    public void PackageWithoutSignature_IsRefused()
    {
        var deb = ReleasePackage.Build(_downloads.Path, "1.1.0", "ready");

        var result = _device.Update(deb);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no signature", result.Output, StringComparison.Ordinal);
        Assert.Equal("releases/1.0.0", _device.LinkTarget("current"));
    }

    [Fact]
    public void Base64Signature_IsAccepted()
    {
        var deb = ReleasePackage.Build(_downloads.Path, "1.1.0", "ready");
        _signer.Sign(deb, base64: true);

        var result = _device.Update("--ready-timeout", "5", "--settle", "0", deb);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("releases/1.1.0", _device.LinkTarget("current"));
    }

    [Fact]
    public void PackageThatNeverBecomesReady_IsRolledBackAndFailureReported()
    {
        var deb = SignedPackage("1.1.0", "never-ready");

        var result = _device.Update("--ready-timeout", "1", "--settle", "0", deb);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("1.0.0 restored and running", result.Output, StringComparison.Ordinal);
        Assert.Equal("releases/1.0.0", _device.LinkTarget("current"));
        Assert.Equal("releases/1.0.0", _device.Running);
        Assert.False(Directory.Exists(_device.Opt("releases/1.1.0")));
        Assert.Contains("\"result\":\"rolled-back\"", _device.LastUpdate, StringComparison.Ordinal);
        Assert.Equal(2, _device.SystemctlCalls.Split('\n').Count(l => l.StartsWith("restart", StringComparison.Ordinal)));
    }

    [Fact]
    public void SlowRestart_OldProcessStillActive_IsNotTakenForReady()
    {
        Assert.Equal(0, _device.Update("--ready-timeout", "5", "--settle", "0", SignedPackage("1.1.0", "ready")).ExitCode);
        _device.RestartLags(3);

        var result = _device.Update("--ready-timeout", "2", "--settle", "0", SignedPackage("1.2.0", "never-ready"));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("releases/1.1.0", _device.LinkTarget("current"));
        Assert.Equal("releases/1.1.0", _device.Running);
    }

    [Fact]
    public void Rollback_AfterGoodUpdate_RestoresPreviousRelease()
    {
        var deb = SignedPackage("1.1.0", "ready");
        Assert.Equal(0, _device.Update("--ready-timeout", "5", "--settle", "0", deb).ExitCode);

        var result = _device.Update("--rollback", "--ready-timeout", "5", "--settle", "0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("releases/1.0.0", _device.LinkTarget("current"));
        Assert.Equal("releases/1.1.0", _device.LinkTarget("previous"));
        Assert.Equal("releases/1.0.0", _device.Running);
    }

    [Fact]
    public void SameVersionAsCurrent_ChangesNothing()
    {
        var deb = SignedPackage("1.0.0", "ready");

        var result = _device.Update("--ready-timeout", "5", "--settle", "0", deb);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("already the current release", result.Output, StringComparison.Ordinal);
        Assert.Equal("", _device.SystemctlCalls);
    }

    [Fact]
    public void UpdateAfterUpdate_KeepsOnlyCurrentAndPrevious()
    {
        Assert.Equal(0, _device.Update("--ready-timeout", "5", "--settle", "0", SignedPackage("1.1.0", "ready")).ExitCode);
        Assert.Equal(0, _device.Update("--ready-timeout", "5", "--settle", "0", SignedPackage("1.2.0", "ready")).ExitCode);

        var releases = Directory.GetDirectories(_device.Opt("releases")).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["1.1.0", "1.2.0"], releases);
    }

    [Fact]
    public void RequestFromHost_IsAppliedAndConsumed()
    {
        var requests = System.IO.Path.Combine(_device.Path, "var/lib/terminal/updates");
        Directory.CreateDirectory(requests);
        File.Copy(SignedPackage("1.1.0", "ready"), System.IO.Path.Combine(requests, "terminal.deb"));
        File.Copy(System.IO.Path.Combine(_downloads.Path, "terminal_1.1.0_all.deb.sig"), System.IO.Path.Combine(requests, "terminal.deb.sig"));
        File.WriteAllText(System.IO.Path.Combine(requests, "apply"), "");

        var result = _device.Update("--ready-timeout", "5", "--settle", "0", "--request", requests);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("releases/1.1.0", _device.LinkTarget("current"));
        Assert.Empty(Directory.GetFileSystemEntries(requests));
    }

    [Fact]
    public void RequestFromHost_TamperedPackage_IsRefusedAndConsumed()
    {
        var requests = System.IO.Path.Combine(_device.Path, "var/lib/terminal/updates");
        Directory.CreateDirectory(requests);
        File.Copy(SignedPackage("1.1.0", "ready"), System.IO.Path.Combine(requests, "terminal.deb"));
        File.WriteAllBytes(System.IO.Path.Combine(requests, "terminal.deb.sig"), File.ReadAllBytes(System.IO.Path.Combine(_downloads.Path, "terminal_1.1.0_all.deb.sig")));
        File.AppendAllText(System.IO.Path.Combine(requests, "terminal.deb"), "appended");
        File.WriteAllText(System.IO.Path.Combine(requests, "apply"), "");

        var result = _device.Update("--request", requests);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("releases/1.0.0", _device.LinkTarget("current"));
        Assert.Contains("\"result\":\"refused\"", _device.LastUpdate, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(requests));
    }

    [Fact]
    public void SelfContainedPackageOfThisArchitecture_IsSwitchedTo_AndRolledBackToThePortableOne()
    {
        // The device (arm64) runs the portable release 1.0.0; 1.1.0 comes self-contained.
        var result = _device.Update("--ready-timeout", "5", "--settle", "0", SignedPackage("1.1.0", "ready", "arm64"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("releases/1.1.0", _device.Running);
        Assert.Equal(0, _device.Update("--rollback", "--ready-timeout", "5", "--settle", "0").ExitCode);
        Assert.Equal("releases/1.0.0", _device.Running);
    }

    [Fact]
    public void PackageForAnotherArchitecture_IsRefusedBeforeAnythingChanges()
    {
        var deb = SignedPackage("1.1.0", "ready", "amd64");
        var before = _device.Snapshot();

        var result = _device.Update("--ready-timeout", "5", "--settle", "0", deb);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("built for amd64, this device is arm64", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, _device.Snapshot());
        Assert.Equal("", _device.SystemctlCalls);
        Assert.Contains("\"result\":\"refused\"", _device.LastUpdate, StringComparison.Ordinal);
    }

    [Fact]
    public void PortablePackage_OnDeviceWithoutTheRuntime_IsRefusedNamingThePackageToUse()
    {
        using var device = new DeviceRoot("1.0.0", "arm64", dotnetInstalled: false);
        device.TrustKey(_signer.PublicKeyPem);

        var result = device.Update("--ready-timeout", "5", "--settle", "0", SignedPackage("1.1.0", "ready"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("needs the .NET runtime", result.Output, StringComparison.Ordinal);
        Assert.Contains("use terminal_1.1.0_arm64.deb", result.Output, StringComparison.Ordinal);
        Assert.Equal("releases/1.0.0", device.LinkTarget("current"));
    }

    [Fact]
    public void ReleaseWithoutItsLauncher_IsRefused()
    {
        var deb = ReleasePackage.Build(_downloads.Path, "1.1.0", "ready");
        var unpacked = System.IO.Path.Combine(_downloads.Path, "pkg-terminal-1.1.0-all");
        File.Delete(System.IO.Path.Combine(unpacked, "opt/terminal/releases/1.1.0/terminal"));
        Assert.Equal(0, Run.Tool("dpkg-deb", "--root-owner-group", "--build", unpacked, deb).ExitCode);
        _signer.Sign(deb);

        var result = _device.Update("--ready-timeout", "5", "--settle", "0", deb);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("releases/1.0.0", _device.LinkTarget("current"));
        Assert.False(Directory.Exists(_device.Opt("releases/1.1.0")));
    }

    private string SignedPackage(string version, string behaviour, string architecture = "all")
    {
        var deb = ReleasePackage.Build(_downloads.Path, version, behaviour, architecture);
        _signer.Sign(deb);
        return deb;
    }

    public void Dispose()
    {
        _signer.Dispose();
        _downloads.Dispose();
        _device.Dispose();
    }
}
