using Terminal.Hardware.Gpio;
using Terminal.Hardware.Gpio.Linux;
using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Tests.Gpio.Linux;

public sealed class LinuxLineRequestTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeGpioKernel _kernel = new();
    private readonly IGpioChip _chip;

    public LinuxLineRequestTests()
    {
        _kernel.AddChip("/dev/gpiochip0", "gpiochip0", "pinctrl-bcm2711", 58);
        _chip = new LinuxGpioChipProvider(_kernel).Open("pinctrl-bcm2711");
    }

    [Fact]
    public async Task ReadEdgeAsync_KernelRecords_ComeBackWithTimestampsAndSequenceNumbers()
    {
        using var lines = RequestKeyAndLed();
        var fd = LineFd();

        _kernel.QueueEvents(fd,
            FakeGpioKernel.Edge(5, GpioUapi.EventRisingEdge, 1_000_000, 1, 1),
            FakeGpioKernel.Edge(5, GpioUapi.EventFallingEdge, 1_050_000, 2, 2));

        using var cts = new CancellationTokenSource(Deadline);
        Assert.Equal(new EdgeEvent(5, EdgeKind.Rising, 1_000_000, 1, 1), await lines.ReadEdgeAsync(cts.Token));
        Assert.Equal(new EdgeEvent(5, EdgeKind.Falling, 1_050_000, 2, 2), await lines.ReadEdgeAsync(cts.Token));
    }

    [Fact]
    public async Task ReadEdgeAsync_KernelDroppedEvents_SeqnoGapReachesTheCaller()
    {
        using var lines = RequestKeyAndLed();

        _kernel.QueueEvents(LineFd(),
            FakeGpioKernel.Edge(5, GpioUapi.EventRisingEdge, 10, 1, 1),
            FakeGpioKernel.Edge(5, GpioUapi.EventFallingEdge, 20, 7, 7));

        using var cts = new CancellationTokenSource(Deadline);
        var first = await lines.ReadEdgeAsync(cts.Token);
        var second = await lines.ReadEdgeAsync(cts.Token);
        Assert.Equal(5u, second.Seqno - first.Seqno - 1);
    }

    [Fact]
    public async Task ReadEdgeAsync_NoEdgeAndCancelled_ReturnsPromptly()
    {
        using var lines = RequestKeyAndLed();
        using var cts = new CancellationTokenSource();

        var read = lines.ReadEdgeAsync(cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Deadline));
    }

    [Fact]
    public async Task ReadEdgeAsync_ReadFails_SurfacesErrnoAsGpioException()
    {
        using var lines = RequestKeyAndLed();

        _kernel.QueueRead(LineFd(), BitConverter.GetBytes(-Errno.EIO));

        var e = await Assert.ThrowsAsync<GpioException>(() => lines.ReadEdgeAsync(CancellationToken.None).AsTask().WaitAsync(Deadline));
        Assert.Contains("(EIO)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadEdgeAsync_PartialRecord_IsReportedAsBrokenAbi()
    {
        using var lines = RequestKeyAndLed();

        _kernel.QueueRead(LineFd(), new byte[30]);

        var e = await Assert.ThrowsAsync<GpioException>(() => lines.ReadEdgeAsync(CancellationToken.None).AsTask().WaitAsync(Deadline));
        Assert.Contains("returned 30 bytes, not a multiple of 48", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadEdgeAsync_PollFails_SurfacesErrno()
    {
        using var lines = RequestKeyAndLed();

        _kernel.FailPolls(-Errno.EBADF);

        var e = await Assert.ThrowsAsync<GpioException>(() => lines.ReadEdgeAsync(CancellationToken.None).AsTask().WaitAsync(Deadline));
        Assert.Contains("waiting for edge events", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_WhileReaderWaits_WakesThePumpAndClosesEveryDescriptor()
    {
        var lines = RequestKeyAndLed();
        var read = lines.ReadEdgeAsync(CancellationToken.None).AsTask();

        lines.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(Deadline));
        _chip.Dispose();
        Assert.Empty(_kernel.OpenFds);
    }

    [Fact]
    public void ReadEdgeAsync_NoEdgeLines_FailsWithGpioException()
    {
        using var lines = _chip.RequestLines(new GpioRequest("leds", [new GpioLineConfig(20, GpioDirection.Output)]));

        Assert.Throws<GpioException>(() => lines.ReadEdgeAsync(CancellationToken.None).GetAwaiter().GetResult());
    }

    [Fact]
    public void SetValue_Output_WritesTheBitOfItsIndexInTheRequest()
    {
        using var lines = RequestKeyAndLed();

        lines.SetValue(20, true);

        Assert.Equal((0b10UL, 0b10UL), (_kernel.LastSetValues.Bits, _kernel.LastSetValues.Mask));
    }

    [Fact]
    public void GetValue_ReadsTheBitOfItsIndexInTheRequest()
    {
        using var lines = RequestKeyAndLed();
        _kernel.ValueBits = 0b01;

        Assert.Equal((true, false), (lines.GetValue(5), lines.GetValue(20)));
    }

    [Fact]
    public void SetValue_Input_IsRefused()
    {
        using var lines = RequestKeyAndLed();

        var e = Assert.Throws<GpioException>(() => lines.SetValue(5, true));
        Assert.Contains("line 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetValue_LineNotRequested_IsRefused()
    {
        using var lines = RequestKeyAndLed();

        Assert.Throws<GpioException>(() => lines.SetValue(21, true));
    }

    [Fact]
    public void SetValue_KernelFails_ReportsErrno()
    {
        using var lines = RequestKeyAndLed();
        _kernel.ValuesResult = -Errno.EIO;

        var e = Assert.Throws<GpioException>(() => lines.SetValue(20, true));
        Assert.Contains("(EIO)", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _chip.Dispose();

    private IGpioLineRequest RequestKeyAndLed() =>
        _chip.RequestLines(new GpioRequest("terminal", [
            new GpioLineConfig(5, GpioDirection.Input, GpioBias.PullUp, ActiveLow: true, Edges: GpioEdges.Both),
            new GpioLineConfig(20, GpioDirection.Output)]));

    private int LineFd() => _kernel.LastLineFd;
}
