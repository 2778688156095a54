using Terminal.Hardware.Board;
using Terminal.Hardware.Readers.Keyboard;
using Terminal.Hardware.Readers.Modules;

namespace Terminal.Hardware.Readers;

/// <summary>
/// The board's readers for <c>terminal --simulate</c>: each backed by a simulated device the host
/// drives from <c>terminalctl sim card|type</c> and the front panel (SPEC §10). A UID reader
/// (<c>mfrc522</c>, <c>pn532</c>) is a <see cref="SimulatedCardModule"/>, a <c>usb-hid</c> reader a
/// <see cref="SimulatedKeyboard"/> typing into the real <see cref="KeyboardReader"/> logic.
/// </summary>
public sealed class SimulatedReaders
{
    private readonly List<(string Name, SimulatedCardModule Device)> _modules = [];
    private readonly List<(string Name, SimulatedKeyboard Device)> _keyboards = [];

    /// <summary>Simulated devices and readers for <paramref name="readers"/>, in board order.</summary>
    public SimulatedReaders(IEnumerable<BoardCardReader> readers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var all = new List<IStaffCardReader>();
        foreach (var reader in readers)
        {
            if (reader is BoardUsbReader usb)
            {
                var keyboard = new SimulatedKeyboard();
                _keyboards.Add((usb.Name, keyboard));
                all.Add(new KeyboardReader(usb.Name, keyboard.Open, usb.Format, time));
            }
            else
            {
                var module = new SimulatedCardModule(reader.Kind);
                _modules.Add((reader.Name, module));
                all.Add(new UidReader(reader.Name, reader.Kind, module.Open, time));
            }
        }

        Readers = all;
    }

    /// <summary>The readers to run, as <see cref="BoardReaders.Open"/> would give on a device.</summary>
    public IReadOnlyList<IStaffCardReader> Readers { get; }

    /// <summary>The simulated module of a UID reader: <paramref name="name"/>, or the first when null.</summary>
    /// <exception cref="KeyNotFoundException">No such UID reader; the message lists those there are.</exception>
    public SimulatedCardModule Module(string? name = null) => Find(_modules, name, "UID reader (mfrc522, pn532)");

    /// <summary>The simulated keyboard of a USB reader: <paramref name="name"/>, or the first when null.</summary>
    /// <exception cref="KeyNotFoundException">No such USB reader; the message lists those there are.</exception>
    public SimulatedKeyboard Keyboard(string? name = null) => Find(_keyboards, name, "USB reader (usb-hid)");

    /// <summary><c>terminalctl sim card &lt;uid-hex&gt; [--reader NAME]</c>: the card is tapped on the reader (read once, then taken away).</summary>
    /// <exception cref="FormatException">Not 4, 7 or 10 bytes of hex.</exception>
    public void Card(string uidHex, string? reader = null)
    {
        byte[] uid;
        try
        {
            uid = Convert.FromHexString(uidHex);
        }
        catch (FormatException)
        {
            throw new FormatException($"'{uidHex}' is not a UID in hex (e.g. 04A1B2C3)");
        }

        if (uid.Length is not (4 or 7 or 10))
        {
            throw new FormatException($"'{uidHex}' is {uid.Length} bytes; a MIFARE/NFC UID has 4, 7 or 10");
        }

        Module(reader).Tap(uid);
    }

    /// <summary><c>terminalctl sim type &lt;text&gt; [--reader NAME]</c>: the USB reader types the text and Enter.</summary>
    /// <returns>False when the reader does not have its device open (unplugged, or not started yet).</returns>
    public bool Type(string text, string? reader = null) => Keyboard(reader).Type(text + "\n");

    private static T Find<T>(List<(string Name, T Device)> devices, string? name, string what)
    {
        foreach (var (deviceName, device) in devices)
        {
            if (name is null || deviceName == name)
            {
                return device;
            }
        }

        throw new KeyNotFoundException(devices.Count == 0
            ? $"the board has no {what}"
            : $"no {what} named '{name}' (there are: {string.Join(", ", devices.Select(d => d.Name))})");
    }
}
