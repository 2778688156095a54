using Terminal.Hardware.Readers;
using Terminal.Host.Board;
using Terminal.Host.Loop.Inputs;

namespace Terminal.Host.Tests.Board;

public sealed class ReaderOutcomesTests
{
    private static readonly IStaffCardReader Nfc = new NamedReader("nfc", ReaderKind.Mfrc522);

    [Fact]
    public void UidCard_IsASwipeOfAUidCard_FromThatReader()
    {
        var input = Assert.IsType<CardSwipe>(ReaderOutcomes.ToInput(Nfc, new CardPresented("nfc", ReaderCard.Uid([0x04, 0xA1, 0xB2, 0xC3]))));

        Assert.Equal(("nfc", "UID", null, "04A1B2C3", "mfrc522"), (input.Reader, input.Swipe.Format, input.Swipe.Facility, input.Swipe.Card, input.Swipe.Reader));
    }

    [Fact]
    public void WiegandFormattedCard_KeepsItsFacility()
    {
        var usb = new NamedReader("usb", ReaderKind.UsbHid);

        var input = Assert.IsType<CardSwipe>(ReaderOutcomes.ToInput(usb, new CardPresented("usb", new ReaderCard("H10301", 12, "34567"))));

        Assert.Equal(("H10301", 12L, "34567", "usb-hid"), (input.Swipe.Format, input.Swipe.Facility, input.Swipe.Card, input.Swipe.Reader));
    }

    [Fact]
    public void OfflineAndRestored_RaiseAndClearTheReadersFault()
    {
        var offline = Assert.IsType<FaultRaised>(ReaderOutcomes.ToInput(Nfc, new ReaderOffline("nfc", "no answer on /dev/spidev0.0")));
        var restored = Assert.IsType<FaultCleared>(ReaderOutcomes.ToInput(Nfc, new ReaderRestored("nfc", "answers again")));

        Assert.Equal(("reader-offline", "nfc"), (offline.Code, offline.Source));
        Assert.Equal(("reader-offline", "nfc", "reader-restored"), (restored.Code, restored.Source, restored.RecoveredCode));
    }

    [Fact]
    public void Noise_IsAnUnreadableSwipe_OnThatReader()
    {
        var input = Assert.IsType<UnreadableSwipe>(ReaderOutcomes.ToInput(Nfc, new Terminal.Hardware.Readers.ReaderNoise("nfc", 3, "letter typed")));

        Assert.Equal(("nfc", 3, "letter typed"), (input.Reader, input.Frames, input.LastReason));
    }

    private sealed class NamedReader(string name, ReaderKind kind) : IStaffCardReader
    {
        public string Name => name;

        public ReaderKind Kind => kind;

        public IAsyncEnumerable<ReaderOutcome> ReadAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
