namespace Terminal.Hardware.Gpio.Linux;

/// <summary>Error texts a field engineer can act on: what failed, where, and what to do.</summary>
internal static class GpioMessages
{
    public static string LabelNotFound(string label, IReadOnlyList<string> present) =>
        present.Count == 0
            ? $"no GPIO chip labelled \"{label}\": no /dev/gpiochip* device is present " +
              "(kernel without the GPIO character device, or a container without access to /dev)"
            : $"no GPIO chip labelled \"{label}\"; chips present: {string.Join(", ", present)}. " +
              "Check the chip label in the board configuration against this list";

    public static string PermissionDenied(string label, IReadOnlyList<string> devices, IGpioSyscalls sys)
    {
        var groups = devices.Select(sys.GroupOf).OfType<string>().Distinct().ToList();
        var group = groups.Count > 0 ? string.Join("/", groups) : "gpio";
        return $"permission denied opening {string.Join(", ", devices)} (group \"{group}\") while looking for GPIO chip " +
               $"\"{label}\": add the service user to group \"{group}\" (usermod -aG {group} <user>, then restart the service) " +
               $"or give the unit SupplementaryGroups={group}";
    }

    public static string Busy(int offset, string chip, string? consumer) =>
        string.IsNullOrEmpty(consumer)
            ? $"line {offset} on {chip} is busy: held by an unnamed consumer (a kernel driver or another process); " +
              "free it or change the line in the board configuration"
            : $"line {offset} on {chip} is busy: held by \"{consumer}\"; stop that consumer " +
              "(another terminal instance, gpioset/gpiomon, a device-tree overlay) or change the line in the board configuration";
}
