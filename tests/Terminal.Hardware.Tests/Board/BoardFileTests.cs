using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio;
using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Keyboard;

namespace Terminal.Hardware.Tests.Board;

public class BoardFileTests
{
    private static readonly string BoardDirectory = Path.Combine(AppContext.BaseDirectory, "board-config");

    [Theory]
    [InlineData("simulator", "terminal-sim", 5)]
    [InlineData("rpi4-5key-wiegand", "pinctrl-bcm2711", 5)]
    [InlineData("rpi5-3key-wiegand", "pinctrl-rp1", 3)]
    public void ShippedBoards_AreValid(string name, string chip, int ratingKeys)
    {
        var board = BoardFile.Load(BoardFile.Resolve(name, BoardDirectory));

        Assert.Equal(name, board.Name);
        Assert.Equal(chip, board.Chip);
        Assert.Equal(ratingKeys, board.RatingKeys.Count());
        Assert.NotNull(board.Wiegand);
        Assert.Equal(board.Lines.Count(), board.Lines.Distinct().Count());
    }

    [Fact]
    public void Defaults_AreActiveLowPullUpKeys()
    {
        var board = BoardFile.Parse("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}]}""", "b.json");

        var key = Assert.Single(board.Keys);
        Assert.Equal(BoardKeyRole.Rating, key.Role);
        Assert.True(key.ActiveLow);
        Assert.Equal(GpioBias.PullUp, key.Bias);
        Assert.False(board.HasReasonKeys);
    }

    [Theory]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"k4","level":4,"line":1,"led":3}]}""", "keys[1].line", "line 1 is already used by key 'k5'")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"buzzer":{"line":2}}""", "buzzer.line", "already used by LED of key 'k5'")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k6","level":6,"line":1,"led":2}]}""", "keys[0].level", "outside the rating scale 1–5")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k0","level":0,"line":1,"led":2}]}""", "keys[0].level", "outside the rating scale 1–5")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1}]}""", "keys[0].led", "has no LED line")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2,"colour":"red"}]}""", "keys[0].colour", "unknown field")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"wiegand":{"d0":3,"d1":4,"formats":["H99999"]}}""", "wiegand.formats[0]", "not a supported format")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":"one","led":2}]}""", "keys[0].line", "must be a whole number")]
    [InlineData("""{"name":"b","keys":[{"name":"k5","level":5,"line":1,"led":2}]}""", "chip", "is required")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"invite","role":"invite","line":1}]}""", "keys", "no rating key")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"x","level":5,"line":3,"led":4}]}""", "keys", "level 5 is mapped to several keys")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"r","role":"reason","reason":"rude","line":3}]}""", "keys[1].reason", "is not a reason code")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2},{"name":"p","role":"pause","level":2,"line":3}]}""", "keys[1].level", "only rating keys have a level")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"rfid"}]}""", "readers[0].type", "not a reader type")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"usb-hid","device":"/dev/hidraw0","digits":"raw"}]}""", "readers[0].device", "not an input device")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"usb-hid","device":"/dev/input/event3"}]}""", "readers[0].digits", "is required")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"usb-hid","device":"/dev/input/event3","digits":"hex"}]}""", "readers[0].digits", "not a digits setting")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"usb-hid","device":"/dev/input/event3","digits":"raw","byteOrder":"lsb-first"}]}""", "readers[0].byteOrder", "only uid-decimal")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"mfrc522","spiBus":0,"chipSelect":0,"reset":2}]}""", "readers[0].reset", "already used by LED of key 'k5'")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"mfrc522","spiBus":0,"chipSelect":0},{"name":"s","type":"mfrc522","spiBus":0,"chipSelect":0}]}""", "readers[1].chipSelect", "/dev/spidev0.0 is already used by reader 'r'")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"mfrc522","chipSelect":0}]}""", "readers[0].spiBus", "is required")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"pn532","i2cBus":1,"address":"0x80"}]}""", "readers[0].address", "not a 7-bit I2C device address")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"pn532","i2cBus":1,"spiBus":0}]}""", "readers[0].spiBus", "unknown field")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[{"name":"r","type":"pn532","i2cBus":1},{"name":"r","type":"pn532","i2cBus":2}]}""", "readers", "the reader name 'r' is used 2 times")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"speaker":{"device":"hw:0"}}""", "speaker.device", "unknown field")]
    [InlineData("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"speaker":true}""", "speaker", "must be an object")]
    public void InvalidBoard_IsRefused_NamingFileAndField(string json, string field, string reason)
    {
        var error = Assert.Throws<BoardFileException>(() => BoardFile.Parse(json, "/etc/boards/b.json"));

        Assert.Equal("/etc/boards/b.json", error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"/etc/boards/b.json: {field}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_OfEachType_AreRead_WithTheirDefaults()
    {
        var board = BoardFile.Parse(
            """
            {"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}],"readers":[
              {"name":"desk-usb","type":"usb-hid","device":"/dev/input/by-id/usb-x-event-kbd","digits":"uid-decimal","byteOrder":"lsb-first"},
              {"name":"desk-nfc","type":"mfrc522","spiBus":0,"chipSelect":1,"reset":25},
              {"name":"door-nfc","type":"pn532","i2cBus":1},
              {"name":"gate-nfc","type":"pn532","i2cBus":1,"address":"0x48"}]}
            """,
            "b.json");

        Assert.Equal(
            [
                new BoardUsbReader("desk-usb", "/dev/input/by-id/usb-x-event-kbd", new TypedCardFormat(TypedDigits.UidDecimal, UidLsbFirst: true)),
                new BoardMfrc522Reader("desk-nfc", 0, 1, 25),
                new BoardPn532Reader("door-nfc", 1, 0x24),
                new BoardPn532Reader("gate-nfc", 1, 0x48),
            ],
            board.Readers);
        Assert.Equal([ReaderKind.UsbHid, ReaderKind.Mfrc522, ReaderKind.Pn532, ReaderKind.Pn532], board.Readers.Select(r => r.Kind));
        Assert.Contains(25, board.Lines);
    }

    [Fact]
    public void Simulator_HasAUidReaderAndAUsbReader()
    {
        var board = BoardFile.Load(BoardFile.Resolve("simulator", BoardDirectory));

        Assert.Equal([("nfc", ReaderKind.Mfrc522), ("usb", ReaderKind.UsbHid)], board.Readers.Select(r => (r.Name, r.Kind)));
    }

    [Fact]
    public void Speaker_IsOptional_AndTheSimulatorHasOne()
    {
        var bare = BoardFile.Parse("""{"name":"b","chip":"c","keys":[{"name":"k5","level":5,"line":1,"led":2}]}""", "b.json");
        var simulator = BoardFile.Load(BoardFile.Resolve("simulator", BoardDirectory));

        Assert.Null(bare.Speaker);
        Assert.NotNull(simulator.Speaker);
        Assert.Contains("ALSA", simulator.Speaker.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void NotJson_IsRefused_WithTheLine()
    {
        var error = Assert.Throws<BoardFileException>(() => BoardFile.Parse("{\n\"name\": }", "b.json"));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal("line 2", error.Field);
    }

    [Fact]
    public void MissingFile_IsRefused_NamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-board-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<BoardFileException>(() => BoardFile.Load(path));

        Assert.Equal(path, error.File);
    }

    [Theory]
    [InlineData("simulator", "/opt/t/board-config/simulator.json")]
    [InlineData("./my-board.json", null)]
    [InlineData("/srv/b.json", "/srv/b.json")]
    public void Resolve_TakesNamesFromTheBoardDirectory_AndPathsAsGiven(string setting, string? expected)
    {
        var resolved = BoardFile.Resolve(setting, "/opt/t/board-config");

        Assert.Equal(expected ?? Path.GetFullPath(setting), resolved);
    }
}
