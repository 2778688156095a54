using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Gpio.Linux;

/// <summary>
/// The system calls the driver makes, behind one seam so the error paths (EACCES, EBUSY, short
/// reads, …) are unit-tested without a kernel. Results follow the kernel convention: a
/// non-negative value on success, <c>-errno</c> on failure.
/// </summary>
internal interface IGpioSyscalls
{
    /// <summary>The <c>/dev/gpiochip*</c> character devices present, sorted by name.</summary>
    IReadOnlyList<string> ChipDevicePaths();

    /// <summary><c>open(path, O_RDWR | O_CLOEXEC)</c>: a file descriptor or <c>-errno</c>.</summary>
    int Open(string path);

    /// <summary><c>close(fd)</c>.</summary>
    int Close(int fd);

    /// <summary><c>ioctl(chipFd, GPIO_GET_CHIPINFO_IOCTL, info)</c>.</summary>
    int GetChipInfo(int chipFd, ref GpioChipInfo info);

    /// <summary><c>ioctl(chipFd, GPIO_V2_GET_LINEINFO_IOCTL, info)</c>; <c>info.Offset</c> is the input.</summary>
    int GetLineInfo(int chipFd, ref GpioV2LineInfo info);

    /// <summary><c>ioctl(chipFd, GPIO_V2_GET_LINE_IOCTL, request)</c>; on success <c>request.Fd</c> holds the lines.</summary>
    int RequestLines(int chipFd, ref GpioV2LineRequest request);

    /// <summary><c>ioctl(lineFd, GPIO_V2_LINE_GET_VALUES_IOCTL, values)</c>.</summary>
    int GetValues(int lineFd, ref GpioV2LineValues values);

    /// <summary><c>ioctl(lineFd, GPIO_V2_LINE_SET_VALUES_IOCTL, values)</c>.</summary>
    int SetValues(int lineFd, ref GpioV2LineValues values);

    /// <summary><c>read(fd, buffer)</c>: bytes read or <c>-errno</c>.</summary>
    int Read(int fd, Span<byte> buffer);

    /// <summary><c>eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)</c>: wakes a blocked <see cref="Poll"/> on dispose.</summary>
    int CreateWakeFd();

    /// <summary>Signals a wake descriptor from <see cref="CreateWakeFd"/>.</summary>
    int Wake(int wakeFd);

    /// <summary>
    /// <c>poll()</c> on both descriptors without timeout: returns when the line has events or
    /// the wake descriptor was signalled; <c>0</c> or <c>-errno</c> (<c>-EINTR</c> is retried by the caller).
    /// </summary>
    int Poll(int lineFd, int wakeFd, out bool lineReadable, out bool woken);

    /// <summary>The group owning a device file (for permission messages), or null when unknown.</summary>
    string? GroupOf(string path);
}
