using Terminal.Hardware.Gpio.Linux;
using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Tests.Gpio.Linux;

/// <summary>The real seam against this machine's kernel, for the calls that need no GPIO chip.</summary>
public sealed class LibcGpioSyscallsTests
{
    private readonly LibcGpioSyscalls _sys = LibcGpioSyscalls.Instance;

    [Fact]
    public void Open_MissingDevice_ReturnsNegativeEnoent()
    {
        Assert.Equal(-Errno.ENOENT, _sys.Open("/dev/gpiochip-does-not-exist"));
    }

    [Fact]
    public void GetChipInfo_OnNonGpioDevice_ReturnsNegativeErrnoInsteadOfThrowing()
    {
        var fd = _sys.Open("/dev/null");
        Assert.True(fd >= 0, $"open /dev/null: {fd}");
        try
        {
            var info = default(GpioChipInfo);
            Assert.Equal(-Errno.ENOTTY, _sys.GetChipInfo(fd, ref info));
        }
        finally
        {
            Assert.Equal(0, _sys.Close(fd));
        }
    }

    [Fact]
    public void Poll_WakeSignalled_ReturnsWokenAndLineNotReadable()
    {
        var line = _sys.CreateWakeFd();
        var wake = _sys.CreateWakeFd();
        try
        {
            Assert.Equal(8, _sys.Wake(wake));

            Assert.Equal(0, _sys.Poll(line, wake, out var readable, out var woken));
            Assert.Equal((false, true), (readable, woken));
        }
        finally
        {
            _sys.Close(line);
            _sys.Close(wake);
        }
    }

    [Fact]
    public void Poll_LineReadable_ReturnsReadableAndReadGetsTheBytes()
    {
        var line = _sys.CreateWakeFd();
        var wake = _sys.CreateWakeFd();
        try
        {
            _sys.Wake(line);

            Assert.Equal(0, _sys.Poll(line, wake, out var readable, out var woken));
            Assert.Equal((true, false), (readable, woken));
            Assert.Equal(8, _sys.Read(line, new byte[8]));
            Assert.Equal(-Errno.EAGAIN, _sys.Read(line, new byte[8]));
        }
        finally
        {
            _sys.Close(line);
            _sys.Close(wake);
        }
    }

    [Fact]
    public void GroupOf_EtcPasswd_IsRoot()
    {
        Assert.Equal("root", _sys.GroupOf("/etc/passwd"));
    }
}
