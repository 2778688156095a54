using System.Runtime.CompilerServices;
using Terminal.Hardware.Readers.Keyboard;
using Terminal.Hardware.Readers.Keyboard.Evdev;
using Terminal.Hardware.Tests.Interop;

namespace Terminal.Hardware.Tests.Readers.Keyboard.Evdev;

/// <summary>
/// The hand-written evdev interop against the machine's <c>/usr/include/linux/input.h</c>, through
/// a probe compiled with gcc (as GpioAbiTests does for the GPIO uAPI): a mismatch here means the
/// reader would misread every key or fail to grab the device.
/// </summary>
public sealed class EvdevAbiTests
{
    [Fact]
    public void CSharpDefinitions_MatchTheKernelHeader()
    {
        var kernel = ProbeKernelHeader();
        var ours = new Dictionary<string, ulong>
        {
            ["size input_event"] = (ulong)EvdevUapi.EventSize,
            ["offset input_event.type"] = (ulong)EvdevUapi.TypeOffset,
            ["offset input_event.code"] = (ulong)EvdevUapi.TypeOffset + 2,
            ["offset input_event.value"] = (ulong)EvdevUapi.TypeOffset + 4,
            ["ioctl EVIOCGRAB"] = EvdevUapi.GrabIoctl,
            ["const EV_KEY"] = EvdevUapi.EvKey,
            ["key KEY_ENTER"] = KeyCodes.Enter,
            ["key KEY_KPENTER"] = KeyCodes.KeypadEnter,
        };

        var mismatches = ours.Where(p => kernel.GetValueOrDefault(p.Key, ulong.MaxValue) != p.Value)
            .Select(p => $"{p.Key}: header {kernel.GetValueOrDefault(p.Key)}, C# {p.Value}")
            .ToList();
        Assert.True(mismatches.Count == 0, "evdev ABI mismatch:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void DigitKeys_AreTheHeadersKeyCodes_OnTheMainRowAndTheKeypad()
    {
        var kernel = ProbeKernelHeader();

        foreach (var d in "1234567890")
        {
            Assert.Equal(d, KeyCodes.Digit((ushort)kernel[$"key KEY_{d}"]));
            Assert.Equal(d, KeyCodes.Digit((ushort)kernel[$"key KEY_KP{d}"]));
        }

        var modifiers = kernel.Where(p => p.Key.StartsWith("modifier ", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, modifiers.Count);
        Assert.All(modifiers, m => Assert.True(KeyCodes.IsModifier((ushort)m.Value), m.Key));
    }

    private static Dictionary<string, ulong> ProbeKernelHeader([CallerFilePath] string thisFile = "") =>
        HeaderProbe.Run(Path.Combine(Path.GetDirectoryName(thisFile)!, "evdev-abi-probe.c"), "/usr/include/linux/input.h");
}
