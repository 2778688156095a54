namespace Terminal.Storage.Tests;

public sealed class EventBufferDrainTests
{
    [Fact]
    public async Task ReadPending_ReturnsEventsAfterSeq_InOrder_UpToMax()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        await buffer.AppendAsync([.. Enumerable.Range(0, 10).Select(_ => BufferFixture.Rating())], CancellationToken.None);

        var page = await buffer.ReadPendingAsync(afterSeq: 3, max: 4, CancellationToken.None);

        Assert.Equal([4L, 5L, 6L, 7L], page.Select(e => e.Seq));
        Assert.Equal("rating:5:r", BufferFixture.Text(page[1]));
    }

    [Fact]
    public async Task Acknowledge_RemovesEvents_AndUpdatesStats()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        await buffer.AppendAsync([BufferFixture.Rating(), BufferFixture.Rating(), BufferFixture.Rating()], CancellationToken.None);

        await buffer.AcknowledgeAsync([1, 2, 42], CancellationToken.None);

        var rest = await buffer.ReadPendingAsync(0, 10, CancellationToken.None);
        Assert.Equal([3L], rest.Select(e => e.Seq));
        var stats = buffer.GetStats();
        Assert.Equal(1, stats.Pending);
        Assert.Equal(rest[0].Payload.Length, stats.PendingBytes);
        Assert.Equal(3, stats.LastSeq);
    }

    [Fact]
    public async Task WaitForPendingAfter_CompletesWhenANewerEventIsCommitted()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);

        var waiting = buffer.WaitForPendingAfterAsync(1, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await buffer.WaitForPendingAfterAsync(0, CancellationToken.None); // already satisfied: returns at once
    }

    [Fact]
    public async Task WaitForPendingAfter_IsCancellable()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = buffer.WaitForPendingAfterAsync(0, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Reopen_KeepsPendingEventsAndStats_AndContinuesSeqWithoutGap()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync();
        await buffer.AppendAsync([BufferFixture.Rating(), BufferFixture.Fault(), BufferFixture.Rating()], CancellationToken.None);
        await buffer.AcknowledgeAsync([1], CancellationToken.None);
        var before = buffer.GetStats();
        await buffer.DisposeAsync();

        var reopened = await fixture.OpenAsync();
        var next = await reopened.AppendAsync([BufferFixture.Rating()], CancellationToken.None);

        Assert.Equal(before with { Pending = 3, PendingBytes = before.PendingBytes + next[0].Payload.Length, LastSeq = 4 }, reopened.GetStats());
        Assert.Equal(4, next[0].Seq);
        Assert.Empty(reopened.Incidents);
    }
}
