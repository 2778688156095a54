using Microsoft.Data.Sqlite;

namespace Terminal.Storage.Tests;

public sealed class EventBufferAppendTests
{
    [Fact]
    public async Task Append_AssignsIncreasingSeqs_AndEncodesThemIntoPayloads()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();

        var first = await buffer.AppendAsync([BufferFixture.Rating("a"), BufferFixture.Rating("b")], CancellationToken.None);
        var second = await buffer.AppendAsync([BufferFixture.Fault("c")], CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], first.Concat(second).Select(e => e.Seq));
        Assert.Equal("rating:2:b", BufferFixture.Text(first[1]));
        Assert.Equal("fault:3:c", BufferFixture.Text(second[0]));
    }

    [Fact]
    public async Task Append_WhenItReturns_IsInTheFilesAnotherConnectionOpens()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();

        await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);

        // The buffer holds its database exclusively (no -shm file, issue 15): read a copy of the files.
        await using var copy = fixture.SnapshotWhileOpen();
        using var other = new SqliteConnection($"Data Source={copy.DatabasePath};Pooling=False");
        other.Open();
        using var command = other.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        Assert.Equal(1L, (long)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task Open_KeepsTheWalIndexInMemory_WritesNoSharedMemoryFile()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();

        await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);

        Assert.True(File.Exists(fixture.DatabasePath + "-wal"));
        Assert.False(File.Exists(fixture.DatabasePath + "-shm"), "a -shm file is written back to the SD card every half minute");
    }

    [Fact]
    public async Task Append_ConcurrentCallers_EachGetDistinctContiguousSeqs()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => buffer.AppendAsync([BufferFixture.Rating(i.ToString(System.Globalization.CultureInfo.InvariantCulture))], CancellationToken.None))));

        var seqs = results.SelectMany(r => r).Select(e => e.Seq).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), seqs);
        Assert.Equal(200, buffer.GetStats().Pending);
    }

    [Fact]
    public async Task Append_EmptyPayload_IsStoredAsAnEmptyBlob()
    {
        // The insert binds by position on the raw handle, where an empty span would bind NULL.
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();

        await buffer.AppendAsync([new EventDraft("rating", false, DateTimeOffset.UnixEpoch, _ => [])], CancellationToken.None);

        var read = await buffer.ReadPendingAsync(0, 10, CancellationToken.None);
        Assert.Equal(0, Assert.Single(read).Payload.Length);
    }

    [Fact]
    public async Task Dispose_AfterConcurrentAppends_LeavesNoAppendTaskUnfinished()
    {
        // Batches of several are completed from the pool, not by the writer: disposal still waits for them.
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        var appends = Enumerable.Range(0, 50).Select(_ => buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None)).ToList();

        await buffer.DisposeAsync();

        Assert.All(appends, a => Assert.True(a.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Append_EncoderThrows_FailsOnlyThatCall_AndUsesNoSeq()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        var broken = new EventDraft("rating", false, DateTimeOffset.UnixEpoch, _ => throw new FormatException("bad"));

        await Assert.ThrowsAsync<FormatException>(() => buffer.AppendAsync([broken], CancellationToken.None));
        var next = await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);

        Assert.Equal(1, next[0].Seq);
        Assert.Equal(1, buffer.GetStats().Pending);
    }

    [Fact]
    public async Task Stats_CountEventsAndBytes_AndOldestAt()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();

        var stored = await buffer.AppendAsync([BufferFixture.Rating("x"), BufferFixture.Fault("yy")], CancellationToken.None);

        var stats = buffer.GetStats();
        Assert.Equal(2, stats.Pending);
        Assert.Equal(stored.Sum(e => (long)e.Payload.Length), stats.PendingBytes);
        Assert.Equal(stored[0].At, stats.OldestAt);
        Assert.Equal(2, stats.LastSeq);
        Assert.False(stats.NearFull);
        Assert.False(stats.Full);
    }

    [Fact]
    public async Task Append_WhenTheSeqFileCannotBeWritten_FailsThatCommit_BurnsItsSeqs_AndTheNextOneWorks()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        var blocker = Path.Combine(fixture.Directory, "events.seq.tmp");
        Directory.CreateDirectory(blocker); // the temp file cannot be created: the reservation fails
        var beyondReservation = Enumerable.Range(0, (int)EventBuffer.ReservationBlock + 1).Select(_ => BufferFixture.Rating()).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => buffer.AppendAsync(beyondReservation, CancellationToken.None));
        Directory.Delete(blocker);
        var next = await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);

        Assert.Equal(1, buffer.GetStats().Pending);
        Assert.True(next[0].Seq > EventBuffer.ReservationBlock + 1, "seqs of the failed commit must not be handed out again");
    }

    [Fact]
    public async Task Append_SqliteFullWhileInserting_ThrowsBufferFull_AndNothingIsWritten()
    {
        await using var fixture = new BufferFixture();
        var options = new EventBufferOptions { DataDirectory = fixture.Directory, MaxPageCount = 16 };
        await using var buffer = await EventBuffer.OpenAsync(options, fixture.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<EventBuffer>.Instance, CancellationToken.None);
        var huge = BufferFixture.Draft("rating", false, new string('x', 200_000)); // more than 16 pages

        await Assert.ThrowsAsync<BufferFullException>(() => buffer.AppendAsync([huge], CancellationToken.None));

        Assert.Equal(0, buffer.GetStats().Pending);
        Assert.True(buffer.GetStats().Full);
        Assert.Empty(await buffer.ReadPendingAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Reopen_AfterAFailedCommitWasTheLast_ReportsNoIncident_AndDoesNotReuseItsSeqs()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        var blocker = Path.Combine(fixture.Directory, "events.seq.tmp");
        Directory.CreateDirectory(blocker); // inserts succeed, the reservation before commit fails
        var beyondReservation = Enumerable.Range(0, (int)EventBuffer.ReservationBlock + 1).Select(_ => BufferFixture.Rating()).ToList();
        await Assert.ThrowsAnyAsync<Exception>(() => buffer.AppendAsync(beyondReservation, CancellationToken.None));
        Directory.Delete(blocker);
        await buffer.DisposeAsync();

        var reopened = await fixture.OpenAsync();
        var next = await reopened.AppendAsync([BufferFixture.Rating()], CancellationToken.None);

        Assert.Empty(reopened.Incidents); // burnt seqs are not lost events
        Assert.Equal(EventBuffer.ReservationBlock + 2, next[0].Seq);
    }

    [Fact]
    public async Task Append_WhoseWalCannotBeSynced_Fails_AndTheCountsStillMatchTheRows()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        await buffer.AppendAsync([BufferFixture.Rating("synced")], CancellationToken.None);
        File.Delete(fixture.DatabasePath + "-wal"); // SQLite keeps writing its open file; the sync by path fails

        await Assert.ThrowsAnyAsync<Exception>(() => buffer.AppendAsync([BufferFixture.Rating("unsynced")], CancellationToken.None));

        // Committed in SQLite but never reported: the counters still count the row, so the drain
        // and the capacity rules agree with what the database holds.
        var rows = await buffer.ReadPendingAsync(0, 10, CancellationToken.None);
        Assert.Equal(2, rows.Count);
        Assert.Equal((2L, 2L), (buffer.GetStats().Pending, buffer.GetStats().LastSeq));
    }
}
