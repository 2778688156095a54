using Microsoft.Data.Sqlite;

namespace Terminal.Storage.Tests.Internal;

/// <summary>
/// The counters row written only every <c>CountersInterval</c> appends (issue 15): opening adds the
/// events appended after it, and every deletion still writes it, so the figures stay exact after a
/// power cut while start-up reads a bounded tail.
/// </summary>
public sealed class BufferCountersTests
{
    [Fact]
    public async Task Appends_WriteTheRow_OnlyEveryInterval()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(countersInterval: 4);
        for (var i = 0; i < 10; i++)
        {
            await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);
        }

        await using var cut = fixture.SnapshotWhileOpen();

        Assert.Equal((8L, 8L), Row(cut.DatabasePath));
    }

    [Fact]
    public async Task Open_AfterPowerCut_CountsTheEventsAppendedSinceTheRow()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(countersInterval: 4);
        await buffer.AppendAsync([BufferFixture.Rating("aaaa"), BufferFixture.Fault("bb")], CancellationToken.None);
        await buffer.AppendAsync([BufferFixture.Rating("c"), BufferFixture.Fault("dddddd")], CancellationToken.None); // row written at 4
        await buffer.AppendAsync([BufferFixture.Fault("e"), BufferFixture.Rating("ff")], CancellationToken.None);
        var before = buffer.GetStats();
        await using var cut = fixture.SnapshotWhileOpen();

        var reopened = await cut.OpenAsync(maxEvents: 6, countersInterval: 4);

        var after = reopened.GetStats();
        Assert.Equal((6L, before.PendingBytes), (after.Pending, after.PendingBytes));
        Assert.Empty(reopened.Incidents);
        Assert.Equal(3, await ProtectedAppendsBeforeFullAsync(reopened)); // each evicts one of the three faults, row's and tail's alike
    }

    [Fact]
    public async Task Acknowledge_WritesTheRow_SoDeletedEventsAreNotCountedAgain()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(countersInterval: 100);
        await buffer.AppendAsync([.. Enumerable.Range(0, 5).Select(_ => BufferFixture.Rating())], CancellationToken.None);
        await buffer.AcknowledgeAsync([2, 5], CancellationToken.None);
        await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);
        await using var cut = fixture.SnapshotWhileOpen();
        var row = Row(cut.DatabasePath);

        var reopened = await cut.OpenAsync(countersInterval: 100);

        Assert.Equal(4, reopened.GetStats().Pending);
        Assert.Equal((5L, 3L), row);
    }

    [Fact]
    public async Task Eviction_WritesTheRow()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(maxEvents: 3, countersInterval: 100);
        for (var i = 0; i < 5; i++)
        {
            await buffer.AppendAsync([BufferFixture.Fault()], CancellationToken.None);
        }

        await using var cut = fixture.SnapshotWhileOpen();
        var row = Row(cut.DatabasePath);

        var reopened = await cut.OpenAsync(maxEvents: 3, countersInterval: 100);

        Assert.Equal(3, reopened.GetStats().Pending);
        Assert.Equal((5L, 3L), row);
    }

    [Fact]
    public async Task ManyAppends_LeaveATailShorterThanTheInterval_WhatEverTheBacklog()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(countersInterval: 16);
        for (var i = 0; i < 300; i++)
        {
            await buffer.AppendAsync([BufferFixture.Rating(), BufferFixture.Rating(), BufferFixture.Fault()], CancellationToken.None);
        }

        await using var cut = fixture.SnapshotWhileOpen();
        var (rowSeq, _) = Row(cut.DatabasePath);

        Assert.InRange(Count(cut.DatabasePath, $"SELECT count(*) FROM events WHERE seq > {rowSeq}"), 0, 15);
        var reopened = await cut.OpenAsync(countersInterval: 16);
        Assert.Equal(900, reopened.GetStats().Pending);
    }

    /// <summary>Appends ratings into a buffer at its event limit: each evicts a fault until none is left.</summary>
    private static async Task<int> ProtectedAppendsBeforeFullAsync(EventBuffer buffer)
    {
        for (var appended = 0; ; appended++)
        {
            try
            {
                await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);
            }
            catch (BufferFullException)
            {
                return appended;
            }
        }
    }

    private static (long LastSeq, long Pending) Row(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open(); // read-write: recovers the WAL the way the next open will
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_seq, pending FROM counters";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static long Count(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
