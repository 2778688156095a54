using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Linux;

namespace Terminal.Hardware.Tests.Gpio.Linux;

public sealed class LinuxGpioChipProviderTests
{
    private readonly FakeGpioKernel _kernel = new();

    [Fact]
    public void Open_LabelPresent_ReturnsThatChipWithNameAndLineCount()
    {
        _kernel.AddChip("/dev/gpiochip0", "gpiochip0", "raspberrypi-exp-gpio", 8);
        _kernel.AddChip("/dev/gpiochip1", "gpiochip1", "pinctrl-bcm2711", 58);

        using var chip = new LinuxGpioChipProvider(_kernel).Open("pinctrl-bcm2711");

        Assert.Equal(("gpiochip1", "pinctrl-bcm2711", 58), (chip.Name, chip.Label, chip.LineCount));
        Assert.Single(_kernel.OpenFds);
    }

    [Fact]
    public void Open_LabelMissing_ListsChipsPresentWithLabelsAndLineCounts()
    {
        _kernel.AddChip("/dev/gpiochip0", "gpiochip0", "pinctrl-bcm2711", 58);
        _kernel.AddChip("/dev/gpiochip1", "gpiochip1", "raspberrypi-exp-gpio", 8);

        var e = Assert.Throws<GpioException>(() => new LinuxGpioChipProvider(_kernel).Open("pinctrl-rp1"));

        Assert.Contains("no GPIO chip labelled \"pinctrl-rp1\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("gpiochip0 \"pinctrl-bcm2711\" (58 lines)", e.Message, StringComparison.Ordinal);
        Assert.Contains("gpiochip1 \"raspberrypi-exp-gpio\" (8 lines)", e.Message, StringComparison.Ordinal);
        Assert.Empty(_kernel.OpenFds);
    }

    [Fact]
    public void Open_NoChipDevices_SaysNoneArePresent()
    {
        var e = Assert.Throws<GpioException>(() => new LinuxGpioChipProvider(_kernel).Open("pinctrl-bcm2711"));

        Assert.Contains("no /dev/gpiochip* device is present", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PermissionDenied_NamesDeviceAndGroupToJoin()
    {
        _kernel.AddChip("/dev/gpiochip0", "gpiochip0", "pinctrl-bcm2711", 58).OpenErrno = Errno.EACCES;
        _kernel.AddChip("/dev/gpiochip1", "gpiochip1", "raspberrypi-exp-gpio", 8).OpenErrno = Errno.EACCES;

        var e = Assert.Throws<GpioException>(() => new LinuxGpioChipProvider(_kernel).Open("pinctrl-bcm2711"));

        Assert.Contains("permission denied opening /dev/gpiochip0, /dev/gpiochip1", e.Message, StringComparison.Ordinal);
        Assert.Contains("usermod -aG gpio", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PermissionDeniedOnDeviceOwnedByOtherGroup_NamesThatGroup()
    {
        var chip = _kernel.AddChip("/dev/gpiochip0", "gpiochip0", "pinctrl-rp1", 54);
        chip.OpenErrno = Errno.EPERM;
        chip.Group = "plugdev";

        var e = Assert.Throws<GpioException>(() => new LinuxGpioChipProvider(_kernel).Open("pinctrl-rp1"));

        Assert.Contains("(group \"plugdev\")", e.Message, StringComparison.Ordinal);
        Assert.Contains("SupplementaryGroups=plugdev", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OtherChipDeniedButLabelReadable_OpensTheReadableChip()
    {
        _kernel.AddChip("/dev/gpiochip0", "gpiochip0", "secret", 8).OpenErrno = Errno.EACCES;
        _kernel.AddChip("/dev/gpiochip4", "gpiochip4", "pinctrl-rp1", 54);

        using var chip = new LinuxGpioChipProvider(_kernel).Open("pinctrl-rp1");

        Assert.Equal("gpiochip4", chip.Name);
    }
}
