using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Core.Events;
using Terminal.Core.Identity;
using Terminal.Host.Journal;

namespace Terminal.Host.Tests.Journal;

public sealed class HeldRatingJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("held-").FullName;
    private readonly EventFactory _events = new(new TerminalIdentity("T-1", "H-1", "1"), new FixedDeviceClock(true));

    [Fact]
    public void Record_KeepsTheFileExactlyWhileARatingIsHeld()
    {
        var journal = new HeldRatingJournal(_dir, NullLogger<HeldRatingJournal>.Instance);
        var held = Rating();

        journal.Record(held);
        Assert.Equal(held.Id, new HeldRatingJournal(_dir, NullLogger<HeldRatingJournal>.Instance).Load()!.Id);

        journal.Record(null);
        Assert.False(File.Exists(journal.FilePath));
        Assert.Null(new HeldRatingJournal(_dir, NullLogger<HeldRatingJournal>.Instance).Load());
    }

    [Fact]
    public void Load_UnreadableCopy_IsIgnored()
    {
        var journal = new HeldRatingJournal(_dir, NullLogger<HeldRatingJournal>.Instance);
        File.WriteAllText(journal.FilePath, "{ torn");

        Assert.Null(journal.Load());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private EventEnvelope Rating() => _events.Create(EventType.Rating, null, new RatingData
    {
        Session = "S-1",
        Level = 1,
        Label = "非常不满意",
        Key = "k1",
        Invited = false,
        LatencyMs = 10,
    });
}
