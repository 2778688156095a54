using Terminal.Core.Feedback;
using Terminal.Hardware.Board;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Host.Board;
using Terminal.Host.FrontPanel.Board;
using Terminal.Host.Tests.Fakes;

namespace Terminal.Host.Tests.FrontPanel.Board;

/// <summary>docs/front-panel.md#virtual-board: the virtual board shows each LED and the buzzer as the simulated chip drives them.</summary>
public class BoardViewTests
{
    [Fact]
    public void Leds_AreReadFromTheChip_AsTheFeedbackDrivesThem()
    {
        var chip = new SimulatedGpioChip(TestBoard.Chip, 32);
        using var lines = TestBoard.Claim(chip);
        using var feedback = new BoardFeedback(lines, new FakeTimeProvider());
        var view = new BoardView(TestBoard.Definition, chip);

        feedback.Show([new Cue(CueKind.Thanks, "k5")]);
        var keys = view.Build()["keys"]!.AsArray();

        Assert.Equal(true, (bool?)keys.Single(k => (string?)k!["name"] == "k5")!["led"]);
        Assert.Equal(false, (bool?)keys.Single(k => (string?)k!["name"] == "k1")!["led"]);
        Assert.Null(keys.Single(k => (string?)k!["name"] == "invite")!["led"]);
        Assert.Equal(true, (bool?)view.Build()["buzzer"]);
        Assert.Equal(["H10301"], view.Build()["formats"]!.AsArray().Select(f => (string?)f));
    }

    [Fact]
    public void CardReaders_AreListedByNameAndType_ForTheirFields()
    {
        var board = BoardFile.Load(Path.Combine(AppContext.BaseDirectory, "board-config", "simulator.json"));
        var view = new BoardView(board, new SimulatedGpioChip(board.Chip, 32));

        var readers = view.Build()["readers"]!.AsArray().Select(r => ((string?)r!["name"], (string?)r["type"]));

        Assert.Equal([("nfc", "mfrc522"), ("usb", "usb-hid")], readers);
    }

    [Fact]
    public void OnlyLedAndBuzzerLines_AreWorthAMessage()
    {
        var view = new BoardView(TestBoard.Definition, new SimulatedGpioChip(TestBoard.Chip, 32));

        Assert.True(view.Shows(8));
        Assert.True(view.Shows(15));
        Assert.False(view.Shows(0));
        Assert.False(view.Shows(13));
    }
}
