using System.Globalization;
using System.Reflection;

namespace Terminal.Hardware.AbiProbe;

/// <summary>
/// The GPIO ABI as Terminal.Hardware's interop declares it, keyed as gpio-abi-probe.c prints the
/// kernel header's ("size gpiochip_info", "ioctl GPIO_V2_GET_LINE_IOCTL", …). Read by reflection
/// from the assembly given, so it works on the copy a shipped program loaded.
/// </summary>
public static class DotnetAbi
{
    private const string Interop = "Terminal.Hardware.Gpio.Linux.Interop.";
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static;

    /// <summary>Every value the probe prints, from <paramref name="hardware"/> laid out by <paramref name="layout"/>.</summary>
    public static SortedDictionary<string, ulong> Read(Assembly hardware, ILayoutRules layout)
    {
        var abi = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
        void Struct(string c, Type type, params (string Field, string Member)[] fields)
        {
            abi[$"size {c}"] = layout.SizeOf(type);
            foreach (var (field, member) in fields)
            {
                abi[$"offset {c}.{field}"] = layout.OffsetOf(type, member);
            }
        }

        Type Gpio(string name) => hardware.GetType(Interop + name, throwOnError: true)!;
        Struct("gpiochip_info", Gpio("GpioChipInfo"), ("name", "Name"), ("label", "Label"), ("lines", "Lines"));
        Struct("gpio_v2_line_attribute", Gpio("GpioV2LineAttribute"), ("id", "Id"), ("padding", "Padding"),
            ("flags", "Value"), ("values", "Value"), ("debounce_period_us", "Value"));
        Struct("gpio_v2_line_config_attribute", Gpio("GpioV2LineConfigAttribute"), ("attr", "Attr"), ("mask", "Mask"));
        Struct("gpio_v2_line_config", Gpio("GpioV2LineConfig"), ("flags", "Flags"), ("num_attrs", "NumAttrs"), ("attrs", "Attrs"));
        Struct("gpio_v2_line_request", Gpio("GpioV2LineRequest"), ("offsets", "Offsets"), ("consumer", "Consumer"),
            ("config", "Config"), ("num_lines", "NumLines"), ("event_buffer_size", "EventBufferSize"), ("fd", "Fd"));
        Struct("gpio_v2_line_info", Gpio("GpioV2LineInfo"), ("name", "Name"), ("consumer", "Consumer"), ("offset", "Offset"),
            ("num_attrs", "NumAttrs"), ("flags", "Flags"), ("attrs", "Attrs"));
        Struct("gpio_v2_line_values", Gpio("GpioV2LineValues"), ("bits", "Bits"), ("mask", "Mask"));
        Struct("gpio_v2_line_event", Gpio("GpioV2LineEvent"), ("timestamp_ns", "TimestampNs"), ("id", "Id"),
            ("offset", "Offset"), ("seqno", "Seqno"), ("line_seqno", "LineSeqno"));

        var uapi = Gpio("GpioUapi");
        foreach (var (c, member) in new[]
        {
            ("ioctl GPIO_GET_CHIPINFO_IOCTL", "GetChipInfoIoctl"), ("ioctl GPIO_V2_GET_LINEINFO_IOCTL", "GetLineInfoIoctl"),
            ("ioctl GPIO_V2_GET_LINE_IOCTL", "GetLineIoctl"), ("ioctl GPIO_V2_LINE_GET_VALUES_IOCTL", "GetValuesIoctl"),
            ("ioctl GPIO_V2_LINE_SET_VALUES_IOCTL", "SetValuesIoctl"), ("const GPIO_MAX_NAME_SIZE", "MaxNameSize"),
            ("const GPIO_V2_LINES_MAX", "LinesMax"), ("const GPIO_V2_LINE_NUM_ATTRS_MAX", "NumAttrsMax"),
            ("const GPIO_V2_LINE_ATTR_ID_FLAGS", "AttrIdFlags"), ("const GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES", "AttrIdOutputValues"),
            ("const GPIO_V2_LINE_EVENT_RISING_EDGE", "EventRisingEdge"), ("const GPIO_V2_LINE_EVENT_FALLING_EDGE", "EventFallingEdge"),
        })
        {
            abi[c] = Constant(uapi, member);
        }

        var flags = Gpio("GpioLineFlags");
        foreach (var name in Enum.GetNames(flags).Where(n => n != "None"))
        {
            abi[$"flag GPIO_V2_LINE_FLAG_{HeaderName(name)}"] = Convert.ToUInt64(Enum.Parse(flags, name), CultureInfo.InvariantCulture);
        }

        ReadSyscalls(hardware.GetType("Terminal.Hardware.Gpio.Linux.LibcGpioSyscalls", throwOnError: true)!, layout, abi, Struct);
        return abi;
    }

    /// <summary>The libc side: argument types of the P/Invokes, flags, struct pollfd and statx.</summary>
    private static void ReadSyscalls(Type syscalls, ILayoutRules layout, SortedDictionary<string, ulong> abi, Action<string, Type, (string, string)[]> structure)
    {
        var native = syscalls.GetNestedType("Native", BindingFlags.NonPublic)!;
        var requestTypes = native.GetMethods(Private).Where(m => m.Name == "ioctl").Select(m => m.GetParameters()[1].ParameterType).Distinct().ToList();
        abi["size ioctl_request"] = requestTypes.Count == 1 ? layout.SizeOf(requestTypes[0]) : ulong.MaxValue;
        abi["size ssize_t"] = layout.SizeOf(native.GetMethod("read", Private)!.ReturnType);
        abi["size nfds_t"] = layout.SizeOf(native.GetMethod("poll", Private)!.GetParameters()[1].ParameterType);
        structure("pollfd", syscalls.GetNestedType("PollFd", BindingFlags.NonPublic)!, [("fd", "Fd"), ("events", "Events"), ("revents", "Revents")]);
        structure("statx", syscalls.GetNestedType("Statx", BindingFlags.NonPublic)!, [("stx_gid", "Gid")]);
        foreach (var (c, member) in new[]
        {
            ("O_RDWR", "ORdWr"), ("O_CLOEXEC", "OCloExec"), ("EFD_NONBLOCK", "EfdNonBlock"), ("EFD_CLOEXEC", "EfdCloExec"),
            ("POLLIN", "PollIn"), ("AT_FDCWD", "AtFdCwd"), ("STATX_GID", "StatxGid"),
        })
        {
            abi["const " + c] = Constant(syscalls, member);
        }
    }

    /// <summary>A constant as the probe prints it: sign-extended to 64 bits (AT_FDCWD is -100).</summary>
    private static ulong Constant(Type type, string name)
    {
        var value = type.GetField(name, Private)?.GetRawConstantValue()
            ?? throw new InvalidOperationException($"{type.Name}.{name} is not a constant");
        return value is ulong u ? u : unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    /// <summary>EdgeRising → EDGE_RISING, BiasPullUp → BIAS_PULL_UP, EventClockRealtime → EVENT_CLOCK_REALTIME.</summary>
    private static string HeaderName(string flag) =>
        string.Concat(flag.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
