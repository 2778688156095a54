using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Terminal.Hardware.Gpio.Linux.Interop;
using Terminal.Hardware.Tests.Interop;

namespace Terminal.Hardware.Tests.Gpio.Linux.Interop;

/// <summary>
/// The C# structs, ioctl numbers and flags against the machine's <c>/usr/include/linux/gpio.h</c>,
/// read through a probe compiled with gcc: a mismatch here means corrupted ioctls on the device.
/// </summary>
public sealed class GpioAbiTests
{
    [Fact]
    public void CSharpDefinitions_MatchTheKernelHeader()
    {
        var kernel = ProbeKernelHeader();
        var ours = OurAbi();

        var mismatches = kernel.Keys.Union(ours.Keys)
            .Where(k => kernel.GetValueOrDefault(k) != ours.GetValueOrDefault(k))
            .Select(k => $"{k}: header {Show(kernel, k)}, C# {Show(ours, k)}")
            .ToList();
        Assert.True(mismatches.Count == 0, "GPIO uAPI mismatch:\n" + string.Join("\n", mismatches));
        Assert.True(kernel.Count >= 60, $"the probe printed only {kernel.Count} values");
    }

    private static string Show(Dictionary<string, ulong> values, string key) =>
        values.TryGetValue(key, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "missing";

    private static Dictionary<string, ulong> OurAbi()
    {
        var abi = new Dictionary<string, ulong>();
        void Size<T>(string c) => abi[$"size {c}"] = (ulong)Marshal.SizeOf<T>() is var s && s == (ulong)Unsafe.SizeOf<T>() ? s : ulong.MaxValue;
        void Off<T>(string c, string field, string member) => abi[$"offset {c}.{field}"] = (ulong)Marshal.OffsetOf<T>(member);

        Size<GpioChipInfo>("gpiochip_info");
        Off<GpioChipInfo>("gpiochip_info", "name", "Name");
        Off<GpioChipInfo>("gpiochip_info", "label", "Label");
        Off<GpioChipInfo>("gpiochip_info", "lines", "Lines");
        Size<GpioV2LineAttribute>("gpio_v2_line_attribute");
        Off<GpioV2LineAttribute>("gpio_v2_line_attribute", "id", "Id");
        Off<GpioV2LineAttribute>("gpio_v2_line_attribute", "padding", "Padding");
        foreach (var unionMember in new[] { "flags", "values", "debounce_period_us" })
        {
            Off<GpioV2LineAttribute>("gpio_v2_line_attribute", unionMember, "Value");
        }

        Size<GpioV2LineConfigAttribute>("gpio_v2_line_config_attribute");
        Off<GpioV2LineConfigAttribute>("gpio_v2_line_config_attribute", "attr", "Attr");
        Off<GpioV2LineConfigAttribute>("gpio_v2_line_config_attribute", "mask", "Mask");
        Size<GpioV2LineConfig>("gpio_v2_line_config");
        Off<GpioV2LineConfig>("gpio_v2_line_config", "flags", "Flags");
        Off<GpioV2LineConfig>("gpio_v2_line_config", "num_attrs", "NumAttrs");
        Off<GpioV2LineConfig>("gpio_v2_line_config", "attrs", "Attrs");
        Size<GpioV2LineRequest>("gpio_v2_line_request");
        Off<GpioV2LineRequest>("gpio_v2_line_request", "offsets", "Offsets");
        Off<GpioV2LineRequest>("gpio_v2_line_request", "consumer", "Consumer");
        Off<GpioV2LineRequest>("gpio_v2_line_request", "config", "Config");
        Off<GpioV2LineRequest>("gpio_v2_line_request", "num_lines", "NumLines");
        Off<GpioV2LineRequest>("gpio_v2_line_request", "event_buffer_size", "EventBufferSize");
        Off<GpioV2LineRequest>("gpio_v2_line_request", "fd", "Fd");
        Size<GpioV2LineInfo>("gpio_v2_line_info");
        Off<GpioV2LineInfo>("gpio_v2_line_info", "name", "Name");
        Off<GpioV2LineInfo>("gpio_v2_line_info", "consumer", "Consumer");
        Off<GpioV2LineInfo>("gpio_v2_line_info", "offset", "Offset");
        Off<GpioV2LineInfo>("gpio_v2_line_info", "num_attrs", "NumAttrs");
        Off<GpioV2LineInfo>("gpio_v2_line_info", "flags", "Flags");
        Off<GpioV2LineInfo>("gpio_v2_line_info", "attrs", "Attrs");
        Size<GpioV2LineValues>("gpio_v2_line_values");
        Off<GpioV2LineValues>("gpio_v2_line_values", "bits", "Bits");
        Off<GpioV2LineValues>("gpio_v2_line_values", "mask", "Mask");
        Size<GpioV2LineEvent>("gpio_v2_line_event");
        Off<GpioV2LineEvent>("gpio_v2_line_event", "timestamp_ns", "TimestampNs");
        Off<GpioV2LineEvent>("gpio_v2_line_event", "id", "Id");
        Off<GpioV2LineEvent>("gpio_v2_line_event", "offset", "Offset");
        Off<GpioV2LineEvent>("gpio_v2_line_event", "seqno", "Seqno");
        Off<GpioV2LineEvent>("gpio_v2_line_event", "line_seqno", "LineSeqno");

        abi["ioctl GPIO_GET_CHIPINFO_IOCTL"] = GpioUapi.GetChipInfoIoctl;
        abi["ioctl GPIO_V2_GET_LINEINFO_IOCTL"] = GpioUapi.GetLineInfoIoctl;
        abi["ioctl GPIO_V2_GET_LINE_IOCTL"] = GpioUapi.GetLineIoctl;
        abi["ioctl GPIO_V2_LINE_GET_VALUES_IOCTL"] = GpioUapi.GetValuesIoctl;
        abi["ioctl GPIO_V2_LINE_SET_VALUES_IOCTL"] = GpioUapi.SetValuesIoctl;
        abi["const GPIO_MAX_NAME_SIZE"] = GpioUapi.MaxNameSize;
        abi["const GPIO_V2_LINES_MAX"] = GpioUapi.LinesMax;
        abi["const GPIO_V2_LINE_NUM_ATTRS_MAX"] = GpioUapi.NumAttrsMax;
        abi["const GPIO_V2_LINE_ATTR_ID_FLAGS"] = GpioUapi.AttrIdFlags;
        abi["const GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES"] = GpioUapi.AttrIdOutputValues;
        abi["const GPIO_V2_LINE_EVENT_RISING_EDGE"] = GpioUapi.EventRisingEdge;
        abi["const GPIO_V2_LINE_EVENT_FALLING_EDGE"] = GpioUapi.EventFallingEdge;
        foreach (var flag in Enum.GetValues<GpioLineFlags>().Where(f => f != GpioLineFlags.None))
        {
            abi[$"flag GPIO_V2_LINE_FLAG_{HeaderName(flag)}"] = (ulong)flag;
        }

        return abi;
    }

    /// <summary>EdgeRising → EDGE_RISING, BiasPullUp → BIAS_PULL_UP, EventClockRealtime → EVENT_CLOCK_REALTIME.</summary>
    private static string HeaderName(GpioLineFlags flag) =>
        string.Concat(flag.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static Dictionary<string, ulong> ProbeKernelHeader([CallerFilePath] string thisFile = "") =>
        HeaderProbe.Run(Path.Combine(Path.GetDirectoryName(thisFile)!, "gpio-abi-probe.c"), "/usr/include/linux/gpio.h");
}
