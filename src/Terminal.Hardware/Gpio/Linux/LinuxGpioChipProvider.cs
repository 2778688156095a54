using Terminal.Hardware.Gpio.Linux.Interop;

namespace Terminal.Hardware.Gpio.Linux;

/// <summary>
/// Finds the Linux GPIO character device (<c>/dev/gpiochipN</c>) whose label matches, e.g.
/// <c>pinctrl-bcm2711</c> on a Pi 4 or <c>pinctrl-rp1</c> on a Pi 5: chip numbers change between
/// boards and kernels, labels do not.
/// </summary>
public sealed class LinuxGpioChipProvider : IGpioChipProvider
{
    private readonly IGpioSyscalls _sys;

    /// <summary>Creates a provider over the real kernel.</summary>
    public LinuxGpioChipProvider()
        : this(LibcGpioSyscalls.Instance)
    {
    }

    internal LinuxGpioChipProvider(IGpioSyscalls sys) => _sys = sys;

    /// <inheritdoc/>
    public IGpioChip Open(string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var present = new List<string>();
        var denied = new List<string>();
        foreach (var path in _sys.ChipDevicePaths())
        {
            var fd = _sys.Open(path);
            if (fd is -Errno.EACCES or -Errno.EPERM)
            {
                denied.Add(path);
                present.Add($"{path} (permission denied)");
                continue;
            }

            if (fd < 0)
            {
                present.Add($"{path} (cannot open: {Errno.Describe(fd)})");
                continue;
            }

            var info = default(GpioChipInfo);
            var rc = _sys.GetChipInfo(fd, ref info);
            if (rc < 0)
            {
                _sys.Close(fd);
                present.Add($"{path} (no chip info: {Errno.Describe(rc)})");
                continue;
            }

            var chipLabel = GpioName.Read(in info.Label);
            if (chipLabel == label)
            {
                return new LinuxGpioChip(_sys, fd, path, GpioName.Read(in info.Name), chipLabel, (int)info.Lines);
            }

            _sys.Close(fd);
            present.Add($"{GpioName.Read(in info.Name)} \"{chipLabel}\" ({info.Lines} lines)");
        }

        throw denied.Count > 0
            ? new GpioException(GpioMessages.PermissionDenied(label, denied, _sys))
            : new GpioException(GpioMessages.LabelNotFound(label, present));
    }
}
