using System.Globalization;
using System.Text.Json;
using Terminal.Hardware.Readers.Keyboard;

namespace Terminal.Hardware.Board;

/// <summary>The <c>readers</c> array of a board file (SPEC §6 "other readers").</summary>
public static partial class BoardFile
{
    private static readonly string[] ReaderTypes = ["usb-hid", "mfrc522", "pn532"];
    private static readonly string[] UsbFields = ["name", "type", "device", "digits", "byteOrder"];
    private static readonly string[] Mfrc522Fields = ["name", "type", "spiBus", "chipSelect", "reset"];
    private static readonly string[] Pn532Fields = ["name", "type", "i2cBus", "address"];

    private sealed partial class BoardReader
    {
        private readonly Dictionary<string, string> _busUsers = [];

        private List<BoardCardReader> ReadReaders(JsonElement element)
        {
            Expect(element, JsonValueKind.Array, "readers");
            var readers = element.EnumerateArray().Select((r, i) => ReadCardReader(r, $"readers[{i}]")).ToList();
            foreach (var group in readers.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                throw Error("readers", $"the reader name '{group.Key}' is used {group.Count()} times");
            }

            return readers;
        }

        private BoardCardReader ReadCardReader(JsonElement reader, string path)
        {
            Expect(reader, JsonValueKind.Object, path);
            var type = RequiredString(reader, "type", path);
            if (!ReaderTypes.Contains(type))
            {
                throw Error($"{path}.type", $"'{type}' is not a reader type ({string.Join(", ", ReaderTypes)}; Wiegand readers go under \"wiegand\")");
            }

            CheckFields(reader, type switch { "usb-hid" => UsbFields, "mfrc522" => Mfrc522Fields, _ => Pn532Fields }, path);
            var name = RequiredString(reader, "name", path);
            return type switch
            {
                "usb-hid" => ReadUsb(reader, path, name),
                "mfrc522" => ReadMfrc522(reader, path, name),
                _ => ReadPn532(reader, path, name),
            };
        }

        private BoardUsbReader ReadUsb(JsonElement reader, string path, string name)
        {
            var device = RequiredString(reader, "device", path);
            if (!device.StartsWith("/dev/input/", StringComparison.Ordinal))
            {
                throw Error($"{path}.device", $"'{device}' is not an input device; give its /dev/input/by-id/…-event-kbd path (ls -l /dev/input/by-id/)");
            }

            ClaimBus($"{path}.device", device, $"reader '{name}'");
            var digits = RequiredString(reader, "digits", path) switch
            {
                "uid-decimal" => TypedDigits.UidDecimal,
                "wiegand26" => TypedDigits.Wiegand26,
                "raw" => TypedDigits.Raw,
                var other => throw Error($"{path}.digits", $"'{other}' is not a digits setting (uid-decimal, wiegand26, raw)"),
            };
            var lsbFirst = (OptionalString(reader, "byteOrder", path) ?? "msb-first") switch
            {
                "msb-first" => false,
                "lsb-first" when digits == TypedDigits.UidDecimal => true,
                "lsb-first" => throw Error($"{path}.byteOrder", "only uid-decimal readers have a byte order"),
                var other => throw Error($"{path}.byteOrder", $"'{other}' is not a byte order (msb-first, lsb-first)"),
            };
            return new BoardUsbReader(name, device, new TypedCardFormat(digits, lsbFirst));
        }

        private BoardMfrc522Reader ReadMfrc522(JsonElement reader, string path, string name)
        {
            var bus = Range(reader, "spiBus", path, 0, 31);
            var chipSelect = Range(reader, "chipSelect", path, 0, 15);
            ClaimBus($"{path}.chipSelect", $"/dev/spidev{bus}.{chipSelect}", $"reader '{name}'");
            int? reset = reader.TryGetProperty("reset", out _) ? ClaimLine(reader, "reset", path, $"reset of reader '{name}'") : null;
            return new BoardMfrc522Reader(name, bus, chipSelect, reset);
        }

        private BoardPn532Reader ReadPn532(JsonElement reader, string path, string name)
        {
            var bus = Range(reader, "i2cBus", path, 0, 31);
            var address = Readers.Modules.Pn532Module.DefaultAddress;
            if (reader.TryGetProperty("address", out var a))
            {
                address = a.ValueKind == JsonValueKind.String && a.GetString() is { } text && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex)
                        ? hex
                        : a.ValueKind == JsonValueKind.Number ? Int(a, $"{path}.address") : throw Error($"{path}.address", $"must be a number or hex like \"0x24\", not {Describe(a)}");
                if (address is < 0x08 or > 0x77)
                {
                    throw Error($"{path}.address", $"0x{address:X2} is not a 7-bit I2C device address (0x08–0x77)");
                }
            }

            ClaimBus($"{path}.address", $"/dev/i2c-{bus} at 0x{address:X2}", $"reader '{name}'");
            return new BoardPn532Reader(name, bus, address);
        }

        private int Range(JsonElement element, string field, string path, int min, int max)
        {
            var value = Int(Required(element, field, path), $"{path}.{field}");
            return value >= min && value <= max ? value : throw Error($"{path}.{field}", $"{value} is outside {min}–{max}");
        }

        private void ClaimBus(string field, string bus, string user)
        {
            if (!_busUsers.TryAdd(bus, user))
            {
                throw Error(field, $"{bus} is already used by {_busUsers[bus]}");
            }
        }
    }
}
