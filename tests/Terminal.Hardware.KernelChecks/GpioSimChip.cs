namespace Terminal.Hardware.KernelChecks;

/// <summary>
/// A chip of the kernel's gpio-sim driver, made through configfs (Documentation/admin-guide/gpio/gpio-sim.rst):
/// inputs are driven from outside with <c>sim_gpioN/pull</c>, outputs observed in <c>sim_gpioN/value</c>.
/// </summary>
internal sealed class GpioSimChip : IDisposable
{
    private const string ConfigRoot = "/sys/kernel/config/gpio-sim";
    private readonly string _config;
    private readonly string _sysfs;

    public GpioSimChip(string device, string label, int lines)
    {
        _config = Path.Combine(ConfigRoot, device);
        Directory.CreateDirectory(Path.Combine(_config, "bank0"));
        File.WriteAllText(Path.Combine(_config, "bank0", "label"), label);
        File.WriteAllText(Path.Combine(_config, "bank0", "num_lines"), lines.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(_config, "live"), "1");
        ChipName = File.ReadAllText(Path.Combine(_config, "bank0", "chip_name")).Trim();
        var platformDevice = File.ReadAllText(Path.Combine(_config, "dev_name")).Trim();
        _sysfs = Path.Combine("/sys/devices/platform", platformDevice, ChipName);
    }

    /// <summary>Kernel name, e.g. <c>gpiochip1</c>.</summary>
    public string ChipName { get; }

    /// <summary>Drives an input as a switch to GND (pull-down) or an open line with a pull-up would.</summary>
    public void Pull(int line, bool up) => File.WriteAllText(Path.Combine(_sysfs, $"sim_gpio{line}", "pull"), up ? "pull-up" : "pull-down");

    /// <summary>The physical level an output drives: what an LED would show.</summary>
    public bool Value(int line) => File.ReadAllText(Path.Combine(_sysfs, $"sim_gpio{line}", "value")).Trim() == "1";

    public void Dispose()
    {
        File.WriteAllText(Path.Combine(_config, "live"), "0");
        Directory.Delete(Path.Combine(_config, "bank0"));
        Directory.Delete(_config);
    }
}
