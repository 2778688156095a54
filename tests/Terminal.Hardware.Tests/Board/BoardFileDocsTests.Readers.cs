namespace Terminal.Hardware.Tests.Board;

/// <summary>The board payloads of <c>readers</c> and <c>speaker</c> (docs/board-files.md#readers) that schema and reader must agree on.</summary>
public sealed partial class BoardFileDocsTests
{
    public static TheoryData<string> ReaderBoards => new()
    {
        WithFields("""{"readers":[],"speaker":{}}"""),
        WithFields("""{"speaker":{"description":"MAX98357A, 3 W 4 Ω"}}"""),
        WithFields("""{"readers":[{"name":"u","type":"usb-hid","device":"/dev/input/by-id/usb-x-event-kbd","digits":"uid-decimal","byteOrder":"lsb-first"}]}"""),
        WithFields("""{"readers":[{"name":"u","type":"usb-hid","device":"/dev/input/event3","digits":"wiegand26","byteOrder":"msb-first"},{"name":"v","type":"usb-hid","device":"/dev/input/event4","digits":"raw"}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":0,"chipSelect":1,"reset":25},{"name":"n","type":"mfrc522","spiBus":31,"chipSelect":15}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":0},{"name":"q","type":"pn532","i2cBus":31,"address":8},{"name":"r","type":"pn532","i2cBus":1,"address":"0x77"}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":"0X0a"},{"name":"q","type":"pn532","i2cBus":1,"address":119}]}"""),
        WithFields("""{"readers":[{"name":"x","type":"rc522","spiBus":0,"chipSelect":0}]}"""),
        WithFields("""{"readers":[{"name":"x","type":"wiegand"}]}"""),
        WithFields("""{"readers":[{"name":"x","spiBus":0,"chipSelect":0}]}"""),
        WithFields("""{"readers":[{"type":"mfrc522","spiBus":0,"chipSelect":0}]}"""),
        WithFields("""{"readers":[{"name":"","type":"mfrc522","spiBus":0,"chipSelect":0}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":0}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":32,"chipSelect":0}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":0,"chipSelect":16}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":0,"chipSelect":-1}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":"0","chipSelect":0}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":0,"chipSelect":0,"reset":512}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":0,"chipSelect":0,"i2cBus":1}]}"""),
        WithFields("""{"readers":[{"name":"u","type":"usb-hid","device":"/dev/input/event3"}]}"""),
        WithFields("""{"readers":[{"name":"u","type":"usb-hid","device":"/dev/input/event3","digits":"hex"}]}"""),
        WithFields("""{"readers":[{"name":"u","type":"usb-hid","device":"/dev/hidraw0","digits":"raw"}]}"""),
        WithFields("""{"readers":[{"name":"u","type":"usb-hid","digits":"raw"}]}"""),
        WithFields("""{"readers":[{"name":"u","type":"usb-hid","device":"/dev/input/event3","digits":"raw","byteOrder":"lsb-first"}]}"""),
        WithFields("""{"readers":[{"name":"u","type":"usb-hid","device":"/dev/input/event3","digits":"uid-decimal","byteOrder":"big-endian"}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":32}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532"}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":7}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":120}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":"0x78"}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":"0x07"}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":"24"}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":"0x 24"}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":"0x"}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":true}]}"""),
        WithFields("""{"readers":{"name":"p","type":"pn532","i2cBus":1}}"""),
        WithFields("""{"readers":["nfc"]}"""),
        WithFields("""{"speaker":true}"""),
        WithFields("""{"speaker":{"description":3}}"""),
    };

    /// <summary>Reader boards the reader refuses for a rule across fields, which a schema cannot state.</summary>
    public static TheoryData<string> ReaderRulesAcrossFields => new()
    {
        WithFields("""{"readers":[{"name":"r","type":"pn532","i2cBus":1},{"name":"r","type":"mfrc522","spiBus":0,"chipSelect":0}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":0,"chipSelect":0},{"name":"n","type":"mfrc522","spiBus":0,"chipSelect":0}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1,"address":36},{"name":"q","type":"pn532","i2cBus":1,"address":"0x24"}]}"""),
        WithFields("""{"readers":[{"name":"p","type":"pn532","i2cBus":1},{"name":"q","type":"pn532","i2cBus":1,"address":"0x24"}]}"""),
        WithFields("""{"readers":[{"name":"u","type":"usb-hid","device":"/dev/input/event3","digits":"raw"},{"name":"v","type":"usb-hid","device":"/dev/input/event3","digits":"raw"}]}"""),
        WithFields("""{"readers":[{"name":"m","type":"mfrc522","spiBus":0,"chipSelect":0,"reset":2}]}"""),
    };

    /// <summary><see cref="Minimal"/> with the fields of <paramref name="fields"/> (a JSON object) added at the top level.</summary>
    private static string WithFields(string fields) => $"{Minimal[..^1]},{fields[1..]}";
}
