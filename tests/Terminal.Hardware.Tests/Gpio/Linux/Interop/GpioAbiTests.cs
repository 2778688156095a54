using Terminal.Hardware.AbiProbe;
using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Tests.Gpio.Linux.Interop;

/// <summary>
/// The C# structs, ioctl numbers, flags and system-call argument types against
/// <c>linux/gpio.h</c> and libc as gcc compiles them (gpio-abi-probe.c): a mismatch here means
/// corrupted ioctls on the device. The host architecture is compared with what this runtime lays
/// out; 32-bit ARM (armhf, no .NET runtime pack served for it) with the layout the interop's
/// metadata declares for a 32-bit target. arm64 runs the shipped package's own runtime under
/// emulation (Terminal.Deploy.Tests, Emulated/Arm64GpioAbiTests).
/// </summary>
public sealed class GpioAbiTests
{
    private static readonly System.Reflection.Assembly Hardware = typeof(GpioUapi).Assembly;

    [Fact]
    public void CSharpDefinitions_MatchTheKernelHeader()
    {
        Assert.True(File.Exists("/usr/include/linux/gpio.h"), "/usr/include/linux/gpio.h is missing: install linux-libc-dev");

        AssertSame(KernelHeaderProbe.Host.Run(), DotnetAbi.Read(Hardware, new RuntimeLayout()));
    }

    [Fact]
    public void CSharpDefinitions_LaidOutFor32BitArm_MatchTheArmhfKernelHeader()
    {
        // ARM EABI: 4-byte pointers (nint, nuint), 8-byte alignment of 64-bit fields.
        AssertSame(KernelHeaderProbe.Armhf.Run(), DotnetAbi.Read(Hardware, new DeclaredLayout(pointerSize: 4, int64Alignment: 8)));
    }

    [Fact]
    public void DeclaredLayoutRules_For64Bit_AgreeWithThisRuntime()
    {
        // The rules used for armhf, checked where the runtime can answer too (x86-64 and arm64 alike).
        Assert.Equal(8, IntPtr.Size);

        AssertSame(DotnetAbi.Read(Hardware, new RuntimeLayout()), DotnetAbi.Read(Hardware, new DeclaredLayout(pointerSize: 8, int64Alignment: 8)));
    }

    [Fact]
    public void DeclaredLayoutRules_For32Bit_PlaceNativeIntegersAsArmhfDoes()
    {
        // The probe's struct pollfd has no pointer-sized field; nint/nuint show in the argument sizes.
        var abi = DotnetAbi.Read(Hardware, new DeclaredLayout(pointerSize: 4, int64Alignment: 8));

        Assert.Equal(4UL, abi["size ioctl_request"]);
        Assert.Equal(4UL, abi["size nfds_t"]);
        Assert.Equal(4UL, abi["size ssize_t"]);
    }

    private static void AssertSame(SortedDictionary<string, ulong> header, SortedDictionary<string, ulong> dotnet)
    {
        var differences = AbiDifferences.Between(header, dotnet);
        Assert.True(differences.Count == 0, "GPIO ABI mismatch:\n" + string.Join("\n", differences));
        Assert.True(header.Count >= 70, $"only {header.Count} values compared");
    }
}
