using Terminal.Hardware.Board;
using Terminal.Hardware.Readers;
using Terminal.Hardware.Readers.Keyboard;
using Terminal.Hardware.Readers.Modules;
using Terminal.TestUtils.Time;

namespace Terminal.Hardware.Tests.Readers;

/// <summary>The simulator's readers as the host drives them: <c>sim card</c>, <c>sim type</c>, by reader name or the first.</summary>
public sealed class SimulatedReadersTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedReaders _readers;

    public SimulatedReadersTests()
    {
        var board = BoardFile.Load(BoardFile.Resolve("simulator", Path.Combine(AppContext.BaseDirectory, "board-config")));
        _readers = new SimulatedReaders(board.Readers, _time);
    }

    [Fact]
    public void Readers_AreTheBoardsInOrder()
    {
        Assert.Equal([("nfc", ReaderKind.Mfrc522), ("usb", ReaderKind.UsbHid)], _readers.Readers.Select(r => (r.Name, r.Kind)));
    }

    [Fact]
    public void SimCard_IsOneSwipeOnTheUidReader()
    {
        var nfc = Assert.IsType<UidReader>(_readers.Readers[0]);

        _readers.Card("04a1b2c3");
        var outcomes = Enumerable.Range(0, 5).Select(_ => nfc.PollOnce().Outcome).OfType<CardPresented>().ToList();

        Assert.Equal([new CardPresented("nfc", ReaderCard.Uid([0x04, 0xA1, 0xB2, 0xC3]))], outcomes);
    }

    [Fact]
    public async Task SimType_IsTypedWithEnterIntoTheUsbReader()
    {
        using var stop = new CancellationTokenSource();
        await using var outcomes = _readers.Readers[1].ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = outcomes.MoveNextAsync().AsTask();
        using (var deadline = new CancellationTokenSource(Deadline))
        {
            while (!_readers.Keyboard("usb").IsOpen)
            {
                deadline.Token.ThrowIfCancellationRequested();
                await Task.Yield();
            }
        }

        Assert.True(_readers.Type("0077705923", reader: "usb"));

        Assert.True(await next.WaitAsync(Deadline));
        Assert.Equal("04A1B2C3", Assert.IsType<CardPresented>(outcomes.Current).Card.Number);
        await stop.CancelAsync();
    }

    [Fact]
    public void SimType_BeforeTheReaderRuns_SaysNothingWasTyped()
    {
        Assert.False(_readers.Type("123"));
    }

    [Fact]
    public void UnknownReaderName_ListsTheReadersThereAre()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => _readers.Card("04A1B2C3", reader: "door"));

        Assert.Equal("no UID reader (mfrc522, pn532) named 'door' (there are: nfc)", e.Message);
    }

    [Theory]
    [InlineData("04A1B2", "3 bytes")]
    [InlineData("04A1B2CZ", "not a UID in hex")]
    public void SimCard_NotAUid_IsRefused(string uid, string reason)
    {
        Assert.Contains(reason, Assert.Throws<FormatException>(() => _readers.Card(uid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BoardReaders_OnTheDevice_AreMadeWithoutOpeningAnything()
    {
        var board = BoardFile.Load(BoardFile.Resolve("simulator", Path.Combine(AppContext.BaseDirectory, "board-config")));

        var real = board.Readers.Select(r => BoardReaders.Open(r, gpio: null, _time)).ToList();

        Assert.Equal([typeof(UidReader), typeof(KeyboardReader)], real.Select(r => r.GetType()));
    }
}
