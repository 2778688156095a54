using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Linux;

namespace Terminal.Hardware.Tests.Gpio.Linux;

public sealed class LinuxGpioChipTests
{
    private readonly FakeGpioKernel _kernel = new();
    private readonly FakeGpioKernel.FakeChip _fakeChip;

    public LinuxGpioChipTests() => _fakeChip = _kernel.AddChip("/dev/gpiochip0", "gpiochip0", "pinctrl-bcm2711", 58);

    [Fact]
    public void RequestLines_LineBusy_NamesTheConsumerHoldingIt()
    {
        _fakeChip.Consumers[17] = "gpio-keys";
        _kernel.RequestResult = -Errno.EBUSY;
        using var chip = Open();

        var e = Assert.Throws<GpioException>(() => chip.RequestLines(Keys(4, 17)));

        Assert.Contains("line 17 on gpiochip0 \"pinctrl-bcm2711\" is busy: held by \"gpio-keys\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestLines_BusyLineWithoutConsumerName_SaysUnnamedConsumer()
    {
        _fakeChip.Consumers[4] = string.Empty;
        _kernel.RequestResult = -Errno.EBUSY;
        using var chip = Open();

        var e = Assert.Throws<GpioException>(() => chip.RequestLines(Keys(4)));

        Assert.Contains("line 4 on gpiochip0 \"pinctrl-bcm2711\" is busy: held by an unnamed consumer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestLines_BusyButReleasedBeforeLookup_SaysSo()
    {
        _kernel.RequestResult = -Errno.EBUSY;
        using var chip = Open();

        var e = Assert.Throws<GpioException>(() => chip.RequestLines(Keys(4, 5)));

        Assert.Contains("lines 4, 5 on gpiochip0 \"pinctrl-bcm2711\" are busy (EBUSY)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestLines_KernelRefusesConfig_ReportsErrnoAndLines()
    {
        _kernel.RequestResult = -Errno.EINVAL;
        using var chip = Open();

        var e = Assert.Throws<GpioException>(() => chip.RequestLines(Keys(4, 5)));

        Assert.Contains("refused lines 4, 5 for \"terminal\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("(EINVAL)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestLines_OffsetOutOfRange_FailsBeforeAskingTheKernel()
    {
        using var chip = Open();

        var e = Assert.Throws<GpioException>(() => chip.RequestLines(Keys(58)));

        Assert.Contains("line 58 is out of range on gpiochip0 \"pinctrl-bcm2711\" (58 lines)", e.Message, StringComparison.Ordinal);
        Assert.Null(_kernel.LastRequest);
    }

    [Fact]
    public void Dispose_ClosesChipDescriptorOnce()
    {
        var chip = Open();

        chip.Dispose();
        chip.Dispose();

        Assert.Single(_kernel.Closed);
        Assert.Empty(_kernel.OpenFds);
    }

    [Fact]
    public void RequestLines_AfterDispose_Throws()
    {
        var chip = Open();
        chip.Dispose();

        Assert.Throws<ObjectDisposedException>(() => chip.RequestLines(Keys(4)));
    }

    private static GpioRequest Keys(params int[] offsets) =>
        new("terminal", [.. offsets.Select(o => new GpioLineConfig(o, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both))]);

    private IGpioChip Open() => new LinuxGpioChipProvider(_kernel).Open("pinctrl-bcm2711");
}
