using System.Device.Gpio;
using Terminal.Hardware.Gpio.Controller;
using Terminal.Hardware.Gpio.Simulated;
using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Modules;
using Terminal.Hardware.Tests.Readers.Modules.Fakes;

namespace Terminal.Hardware.Tests.Readers.Modules;

/// <summary>The MFRC522 through Iot.Device.Bindings' MfRc522 against a fake of its SPI bus and a card's ISO 14443-3 state machine.</summary>
public sealed class Mfrc522ModuleTests : IDisposable
{
    private static readonly byte[] FourByteUid = [0x04, 0xA1, 0xB2, 0xC3];
    private readonly FakeMfrc522 _chip = new();
    private readonly SimulatedGpioChip _gpioChip = new("terminal-sim", 32);
    private readonly GpioController _gpio;

    public Mfrc522ModuleTests() => _gpio = new GpioController(new ChipGpioDriver(_gpioChip));

    public void Dispose() => _gpio.Dispose();

    [Fact]
    public void CardHeld_IsReadOnce_ThenSeenAsStillHeldWhileItStays()
    {
        _chip.Card = new Iso14443Card(FourByteUid);
        using var module = Open();

        var first = module.Poll();
        var later = Enumerable.Range(0, 5).Select(_ => module.Poll()).ToList();

        Assert.Equal(FourByteUid, first.Uid);
        Assert.All(later, r => Assert.Equal(FieldReading.StillHeld, r));
    }

    [Fact]
    public void SevenByteUid_IsReadThroughTwoCascadeLevels()
    {
        byte[] uid = [0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66];
        _chip.Card = new Iso14443Card(uid, sak: 0x00);
        using var module = Open();

        Assert.Equal(uid, module.Poll().Uid);
    }

    [Fact]
    public void EmptyField_ReadsNothing()
    {
        using var module = Open();

        Assert.Equal(FieldReading.Empty, module.Poll());
    }

    [Fact]
    public void CardLeavingMidRead_GivesNoCard_AndTheNextPresentationIsRead()
    {
        var card = new Iso14443Card(FourByteUid) { AnswersBeforeLeaving = 2 }; // ATQA and the anticollision answer, then gone
        _chip.Card = card;
        using var module = Open();

        Assert.Equal(FieldReading.Empty, module.Poll());
        card.Enter();

        Assert.Equal(FourByteUid, module.Poll().Uid);
    }

    [Fact]
    public void ResetLine_IsPulsedLowThenHigh_AndReleasedWithTheModule()
    {
        var changes = new List<(int Line, bool Value)>();
        _gpioChip.OutputChanged += (line, value) => changes.Add((line, value));

        using (Open(resetLine: 25))
        {
            Assert.Equal([(25, true)], changes); // requested low, then driven high: the end of the reset pulse
            Assert.True(_gpioChip.GetOutput(25));
        }

        Assert.False(_gpio.IsPinOpen(25));
    }

    [Fact]
    public void SilentModule_FailsToOpen_NamingTheBus()
    {
        _chip.Silent = true;

        var e = Assert.Throws<ReaderModuleException>(() => Open());

        Assert.Contains("MFRC522 on /dev/spidev0.0 does not answer (VersionReg reads 0x00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModuleGoingSilent_IsAnOfflineFault_ThenReinitialisedWithBackoff_AndRestored()
    {
        _chip.Card = new Iso14443Card(FourByteUid);
        var opened = 0;
        var reader = new UidReader("desk-nfc", ReaderKind.Mfrc522, () => { opened++; return Open(resetLine: 25); }, TimeProvider.System);
        Assert.IsType<CardPresented>(reader.PollOnce().Outcome);

        _chip.Silent = true;
        var (fault, firstWait) = reader.PollOnce();
        var (again, secondWait) = reader.PollOnce();
        _chip.Silent = false;
        var (restored, _) = reader.PollOnce();
        var (card, _) = reader.PollOnce();

        var offline = Assert.IsType<ReaderOffline>(fault);
        Assert.Contains("MFRC522 on /dev/spidev0.0 does not answer", offline.Detail, StringComparison.Ordinal);
        Assert.Null(again);
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), (firstWait, secondWait));
        Assert.IsType<ReaderRestored>(restored);
        Assert.Equal(3, opened); // first open, a failed re-open, the re-open that answered
        Assert.Equal(new CardPresented("desk-nfc", ReaderCard.Uid(FourByteUid)), card); // the field went off: the held card is read again
    }

    [Fact]
    public void ThroughTheReader_ACardHeldForManyPolls_IsOneSwipe_AndAfterLeavingItSwipesAgain()
    {
        var card = new Iso14443Card(FourByteUid);
        _chip.Card = card;
        var reader = new UidReader("desk-nfc", ReaderKind.Mfrc522, () => Open(), TimeProvider.System);

        var held = Enumerable.Range(0, 10).Select(_ => reader.PollOnce().Outcome).OfType<CardPresented>().Count();
        card.Leave();
        var away = Enumerable.Range(0, 3).Select(_ => reader.PollOnce().Outcome).OfType<CardPresented>().Count();
        card.Enter();
        var back = reader.PollOnce().Outcome;

        Assert.Equal((1, 0), (held, away));
        Assert.Equal("04A1B2C3", Assert.IsType<CardPresented>(back).Card.Number);
    }

    private Mfrc522Module Open(int resetLine = -1) =>
        new(_chip.Connect(), "MFRC522 on /dev/spidev0.0", resetLine, resetLine >= 0 ? _gpio : null);
}
