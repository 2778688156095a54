using Xunit.Abstractions;

namespace Terminal.Hardware.Tests.Gpio.Kernel;

/// <summary>
/// The Linux driver, the GpioDriver adapter with Iot.Device bindings, and the USB keyboard reader on
/// evdev against the real kernel (gpio-sim and uinput under qemu, see tests/gpio-sim/README.md).
/// One guest boot serves every test here; each asserts one check of Terminal.Hardware.KernelChecks.
/// </summary>
public sealed class KernelInTheLoopTests(GpioSimGuest guest, ITestOutputHelper output) : IClassFixture<GpioSimGuest>
{
    [Fact]
    public void Chip_OpenedByLabel_AmongSeveralChips() => Check("chip-by-label");

    [Fact]
    public void Chip_LabelMissing_MessageListsChipsWithLineCounts() => Check("label-not-found");

    [Fact]
    public void Key_PressAndRelease_AreEdgesWithIncreasingKernelTimestamps() => Check("key-press-release");

    [Fact]
    public void Wiegand_FrameDrivenThroughPull_IsReadBackAsFallingEdgesInOrder() => Check("wiegand-frame");

    [Fact]
    public void Led_SetValue_IsSeenInSimValue() => Check("led-output");

    [Fact]
    public void Line_AlreadyRequested_FailsNamingTheConsumer() => Check("line-busy");

    [Fact]
    public void Edges_MoreThanTheBuffersHold_ShowAsSeqnoGap() => Check("overflow-seqno-gap");

    [Fact]
    public void GpioDriver_IotOutputSegment_DrivesGpioSimLines() => Check("gpio-driver-output");

    [Fact]
    public void GpioDriver_IotButton_SeesKernelEdges() => Check("gpio-driver-button");

    [Fact]
    public void UsbReader_UinputKeyboardTypesACard_GrabbedReaderTurnsItIntoAUidCard() => Check("usb-reader-card");

    [Fact]
    public void UsbReader_Garbage_IsNoiseAndNoCard() => Check("usb-reader-garbage");

    [Fact]
    public void UsbReader_DeviceGoneAndBack_IsOfflineThenRestoredThenReads() => Check("usb-reader-replug");

    private void Check(string name)
    {
        var detail = guest.Passed(name);
        output.WriteLine($"{name}: {detail} (guest run {guest.GuestDuration.TotalSeconds:F1} s)");
    }
}
