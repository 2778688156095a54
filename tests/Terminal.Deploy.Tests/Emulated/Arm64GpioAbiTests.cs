using Terminal.Deploy.Tests.Package;
using Terminal.Deploy.Tests.Support;
using Terminal.Hardware.AbiProbe;

namespace Terminal.Deploy.Tests.Emulated;

/// <summary>
/// The GPIO ABI on arm64 as the device will see it: the kernel header compiled for aarch64, and
/// the .NET side read inside the arm64 package's own terminal (its runtime, its ReadyToRun
/// Terminal.Hardware.dll) under emulation, through a startup hook that prints it before Main.
/// </summary>
public sealed class Arm64GpioAbiTests(BuiltPackages packages) : IClassFixture<BuiltPackages>
{
    [Fact]
    public void ShippedInteropUnderEmulation_MatchesTheAarch64KernelHeader()
    {
        Arm64Emulator.Require();
        var header = KernelHeaderProbe.Aarch64.Run();
        var hook = Path.Combine(AppContext.BaseDirectory, "Terminal.Hardware.AbiProbe.dll");

        var shipped = Run.Tool(
            Arm64Emulator.Qemu,
            Arm64Emulator.Arguments(Path.Combine(packages["arm64"].Release, "terminal"), "--help"),
            new Dictionary<string, string?> { ["DOTNET_STARTUP_HOOKS"] = hook },
            Arm64Emulator.Deadline);

        Assert.True(shipped.ExitCode == 0, shipped.ToString());
        var differences = AbiDifferences.Between(header, AbiListing.Parse(shipped.Stdout));
        Assert.True(differences.Count == 0, "GPIO ABI mismatch on arm64:\n" + string.Join("\n", differences));
        Assert.True(header.Count >= 70, $"only {header.Count} values compared");
        Assert.Equal(8UL, header["size ioctl_request"]);
    }
}
