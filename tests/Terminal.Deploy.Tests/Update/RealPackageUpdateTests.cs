using Terminal.Deploy.Tests.Package;
using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Update;

/// <summary>
/// terminal-update with the real packages, signed as a release would be: each one is verified,
/// unpacked beside the installed release, switched to, and rolled back from (SPEC §7).
/// </summary>
public sealed class RealPackageUpdateTests(BuiltPackages packages) : IClassFixture<BuiltPackages>
{
    public static TheoryData<string, string> Devices => new()
    {
        { "arm64", "arm64" }, // self-contained, as on a Pi with Raspberry Pi OS 64-bit
        { "amd64", "amd64" }, // self-contained, as on a kiosk PC
        { "all", "armhf" }, // portable, on a 32-bit Pi with the runtime installed
    };

    [Theory]
    [MemberData(nameof(Devices))]
    public void RealPackage_IsVerifiedSwitchedToAndRolledBackFrom(string architecture, string device)
    {
        Run.Require("openssl", "openssl");
        var package = packages[architecture];
        using var root = new DeviceRoot("0.0.0", device);
        using var signer = new UpdateSigner();
        root.TrustKey(signer.PublicKeyPem);
        using var downloads = new TempDir("real-update-");
        var deb = Path.Combine(downloads.Path, Path.GetFileName(package.Deb));
        File.Copy(package.Deb, deb);
        signer.Sign(deb);

        var update = root.Update("--ready-timeout", "5", "--settle", "0", deb);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Equal($"releases/{package.Version}", root.Running);
        var launcher = root.Opt("current/terminal");
        Assert.True(File.GetUnixFileMode(launcher).HasFlag(UnixFileMode.OtherExecute));
        Assert.Equal(package.SelfContained ? Elf.Machines[device] : null, Elf.Machine(launcher));
        Assert.True(File.Exists(root.Opt("current/terminalctl.dll")));

        var rollback = root.Update("--rollback", "--ready-timeout", "5", "--settle", "0");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal("releases/0.0.0", root.Running);
    }
}
