using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.FirstBoot;

public sealed class TerminalFirstbootTests : IDisposable
{
    private const string ProvisionConf = """
        # written by the field engineer
        TERMINAL=T-0412
        HALL=H-01
        WINDOW=12
        BOARD=pi4-5key
        BROKER="mqtts://hall-a:8883 mqtts://hall-b:8883"
        """;

    private readonly FirstBootRoot _device = new();

    public TerminalFirstbootTests() => Run.Require("dpkg-deb", "dpkg");

    [Fact]
    public void FirstBoot_PackageAndProvisioning_InstallsProvisionsAndMarksDone()
    {
        var deb = _device.DropPackage("1.0.0");
        DropProvisioning();

        var result = _device.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        var calls = _device.Calls.Split('\n');
        Assert.Contains($"dpkg -i {deb}", calls);
        var etc = _device["etc/terminal"];
        Assert.Contains(
            $"terminalctl provision --terminal T-0412 --hall H-01 --window 12 --board pi4-5key --broker mqtts://hall-a:8883 --broker mqtts://hall-b:8883 "
            + $"--ca {etc}/tls/ca.crt --cert {etc}/tls/client.crt --key {etc}/tls/client.key --out {etc}/terminal.json --force",
            calls);
        Assert.Contains("systemctl restart --no-block terminal.service", calls);
        Assert.True(File.Exists(_device["var/lib/terminal-firstboot/done"]));
        Assert.Contains("provisioning T-0412", File.ReadAllText(_device["var/log/terminal-firstboot.log"]), StringComparison.Ordinal);
    }

    [Fact]
    public void FirstBoot_RootFileSystem_GetsLazytime_OtherEntriesUntouched()
    {
        const string fstab = """
            proc            /proc           proc    defaults          0       0
            PARTUUID=1234-01  /boot/firmware  vfat    defaults          0       2
            PARTUUID=1234-02  /               ext4    defaults,noatime  0       1
            # a comment about / ext4 defaults

            """;
        File.WriteAllText(WriteParents(_device["etc/fstab"]), fstab);
        DropProvisioning();

        var result = _device.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(_device["etc/fstab"]);
        Assert.Equal("PARTUUID=1234-02\t/\text4\tdefaults,noatime,lazytime\t0\t1", lines[2]);
        Assert.Equal(fstab.Split('\n').Where((_, i) => i != 2), lines.Concat([""]).Where((_, i) => i != 2));
        Assert.Equal(fstab, File.ReadAllText(_device["etc/fstab.before-terminal"]));
        Assert.Contains("lazytime added", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PARTUUID=1234-02  /  ext4  defaults,noatime,lazytime  0  1\n")]
    [InlineData("PARTUUID=1234-02  /  ext4  defaults,nolazytime  0  1\n")]
    [InlineData("PARTUUID=1234-02  /  btrfs  defaults  0  1\n")]
    public void FirstBoot_RootFileSystem_AlreadyLazytimeOrNotExt4_IsLeftAsItIs(string fstab)
    {
        File.WriteAllText(WriteParents(_device["etc/fstab"]), fstab);
        DropProvisioning();

        Assert.Equal(0, _device.Run().ExitCode);

        Assert.Equal(fstab, File.ReadAllText(_device["etc/fstab"]));
        Assert.False(File.Exists(_device["etc/fstab.before-terminal"]));
    }

    [Fact]
    public void FirstBoot_DeviceKey_IsMovedOffTheBootPartitionWithMode0640()
    {
        DropProvisioning();

        Assert.Equal(0, _device.Run().ExitCode);

        Assert.False(File.Exists(_device.Boot("client.key")));
        Assert.False(File.Exists(_device.Boot("provision.conf")));
        Assert.True(File.Exists(_device.Boot("provision.conf.applied")));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead,
            File.GetUnixFileMode(_device["etc/terminal/tls/client.key"]));
    }

    [Fact]
    public void SecondBoot_DoesNothingAgain()
    {
        _device.DropPackage("1.0.0");
        DropProvisioning();
        Assert.Equal(0, _device.Run().ExitCode);
        _device.Drop("provision.conf", ProvisionConf);
        var callsAfterFirst = _device.Calls;

        var result = _device.Run();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("already done", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(callsAfterFirst, _device.Calls);
    }

    [Fact]
    public void FirstBoot_NothingOnBootPartition_ExitsCleanWithoutMarker()
    {
        var result = _device.Run();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing to do", result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(_device["var/lib/terminal-firstboot/done"]));
    }

    [Fact]
    public void FirstBoot_ProvisioningRefused_FailsUnmarkedAndKeepsFilesToFix()
    {
        DropProvisioning();
        _device.TerminalctlRefuses();

        var result = _device.Run();

        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(_device["var/lib/terminal-firstboot/done"]));
        Assert.True(File.Exists(_device.Boot("provision.conf")));
        Assert.Contains("not a valid id", File.ReadAllText(_device["var/log/terminal-firstboot.log"]), StringComparison.Ordinal);
    }

    [Fact]
    public void FirstBoot_MissingKey_IsRefusedNamingIt()
    {
        _device.Drop("provision.conf", "TERMINAL=T-1\nHALL=H-01\nWINDOW=1\nBROKER=mqtts://h:8883\n");

        var result = _device.Run();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BOARD is missing", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstBoot_ProvisionConfIsParsedNotExecuted()
    {
        var pwned = _device["pwned"];
        _device.Drop("provision.conf", ProvisionConf.Replace("WINDOW=12", $"WINDOW=$(touch {pwned})", StringComparison.Ordinal));

        _device.Run();

        Assert.False(File.Exists(pwned));
    }

    [Fact]
    public void FirstBoot_BootstrapFromKernelCommandLine_IsRemoved()
    {
        DropProvisioning();

        Assert.Equal(0, _device.Run().ExitCode);

        Assert.Equal("console=tty1 root=PARTUUID=1234-02 rootwait\n", File.ReadAllText(_device["boot/firmware/cmdline.txt"]));
    }

    [Fact]
    public void FirstBoot_InstallsOnlyThePackageOfThisArchitecture()
    {
        var arm64 = _device.DropPackage("1.0.0", "arm64");
        _device.DropPackage("1.0.0", "amd64");
        _device.DropPackage("1.0.0", "all");
        _device.DropPackage("10.0.1", "arm64", "dotnet-runtime-10.0");
        DropProvisioning();

        var result = _device.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        var installs = _device.Calls.Split('\n').Where(c => c.StartsWith("dpkg -i", StringComparison.Ordinal)).ToList();
        // The runtime package fits the device too (harmless beside a self-contained terminal).
        Assert.Equal([$"dpkg -i {_device.Boot("dotnet-runtime-10.0_10.0.1_arm64.deb")} {arm64}"], installs);
        Assert.Contains("leaving terminal_1.0.0_amd64.deb alone: built for amd64, this device is arm64", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstBoot_NoPackageOfThisArchitecture_InstallsThePortableOneWithItsRuntime()
    {
        using var armhf = new FirstBootRoot("armhf");
        var runtime = armhf.DropPackage("10.0.1", "armhf", "dotnet-runtime-10.0");
        var portable = armhf.DropPackage("1.0.0", "all");
        armhf.DropPackage("1.0.0", "arm64");

        var result = armhf.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"dpkg -i {runtime} {portable}", armhf.Calls.Split('\n'));
    }

    [Fact]
    public void FirstBoot_TwoTerminalPackagesForThisArchitecture_FailsNamingThem()
    {
        _device.DropPackage("1.0.0", "arm64");
        _device.DropPackage("1.1.0", "arm64");
        DropProvisioning();

        var result = _device.Run();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("two terminal packages for arm64", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("dpkg -i", _device.Calls, StringComparison.Ordinal);
        Assert.False(File.Exists(_device["var/lib/terminal-firstboot/done"]));
    }

    private void DropProvisioning()
    {
        _device.Drop("provision.conf", ProvisionConf);
        _device.Drop("ca.crt", "-----BEGIN CERTIFICATE-----\n");
        _device.Drop("client.crt", "-----BEGIN CERTIFICATE-----\n");
        _device.Drop("client.key", "-----BEGIN PRIVATE KEY-----\n");
    }

    private static string WriteParents(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public void Dispose() => _device.Dispose();
}
