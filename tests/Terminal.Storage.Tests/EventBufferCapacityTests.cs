namespace Terminal.Storage.Tests;

/// <summary>docs/mqtt.md#delivery capacity: faults/telemetry evicted first, protected events refused, never evicted.</summary>
public sealed class EventBufferCapacityTests
{
    [Fact]
    public async Task Append_WhenFull_EvictsOldestFaultFirst_AndKeepsRatings()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(maxEvents: 4);
        await buffer.AppendAsync([BufferFixture.Fault("old"), BufferFixture.Rating(), BufferFixture.Fault("new"), BufferFixture.Rating()], CancellationToken.None);

        var stored = await buffer.AppendAsync([BufferFixture.Rating("r3")], CancellationToken.None);

        var pending = await buffer.ReadPendingAsync(0, 10, CancellationToken.None);
        Assert.Equal([2L, 3L, 4L, 5L], pending.Select(e => e.Seq));
        Assert.Equal(5, stored[0].Seq);
        Assert.Equal(4, buffer.GetStats().Pending);
    }

    [Fact]
    public async Task Append_WhenOnlyProtectedRemain_ThrowsBufferFull_WritesNothing_AndReportsFull()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(maxEvents: 3);
        var changes = new List<BufferStats>();
        buffer.StatsChanged += (_, stats) => changes.Add(stats);
        await buffer.AppendAsync([BufferFixture.Rating(), BufferFixture.Fault(), BufferFixture.Rating()], CancellationToken.None);

        await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None); // evicts the fault
        await Assert.ThrowsAsync<BufferFullException>(() => buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None));
        await Assert.ThrowsAsync<BufferFullException>(() => buffer.AppendAsync([BufferFixture.Fault()], CancellationToken.None));

        var pending = await buffer.ReadPendingAsync(0, 10, CancellationToken.None);
        Assert.Equal([1L, 3L, 4L], pending.Select(e => e.Seq));
        var stats = buffer.GetStats();
        Assert.True(stats.Full);
        Assert.Equal(4, stats.LastSeq);
        Assert.Contains(changes, s => s.Full);
    }

    [Fact]
    public async Task Acknowledge_AfterFull_ClearsFull_AndAppendsResume()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(maxEvents: 2);
        var changes = new List<BufferStats>();
        buffer.StatsChanged += (_, stats) => changes.Add(stats);
        await buffer.AppendAsync([BufferFixture.Rating(), BufferFixture.Rating()], CancellationToken.None);
        await Assert.ThrowsAsync<BufferFullException>(() => buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None));

        await buffer.AcknowledgeAsync([1], CancellationToken.None);
        var stored = await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);

        Assert.Equal(3, stored[0].Seq);
        // Full when 2 of 2 are protected, cleared by the acknowledgement, full again after the append.
        Assert.Equal([true, false, true], changes.Select(c => c.Full));
        Assert.True(buffer.GetStats().Full);
    }

    [Fact]
    public async Task Append_ReachingNinetyPercent_RaisesNearFullOnce()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(maxEvents: 10);
        var changes = new List<BufferStats>();
        buffer.StatsChanged += (_, stats) => changes.Add(stats);

        for (var i = 0; i < 9; i++)
        {
            await buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None);
        }

        var change = Assert.Single(changes);
        Assert.True(change.NearFull);
        Assert.False(change.Full);
        Assert.Equal(9, change.Pending);
    }

    [Fact]
    public async Task Append_BeyondMaxBytes_EvictsByBytes_ThenRefuses()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(maxBytes: 30);
        var fault = await buffer.AppendAsync([BufferFixture.Fault("0123456789")], CancellationToken.None); // "fault:1:…" 18 bytes

        await buffer.AppendAsync([BufferFixture.Rating("0123456789")], CancellationToken.None); // 19 bytes: 37 > 30, evicts the fault
        await Assert.ThrowsAsync<BufferFullException>(() => buffer.AppendAsync([BufferFixture.Rating("0123456789")], CancellationToken.None));

        var stats = buffer.GetStats();
        Assert.Equal(18, fault[0].Payload.Length);
        Assert.Equal(1, stats.Pending);
        Assert.Equal(19, stats.PendingBytes);
    }

    [Fact]
    public async Task Append_RefusedRequest_DoesNotFailOthersInTheSameCommit()
    {
        await using var fixture = new BufferFixture();
        var buffer = await fixture.OpenAsync(maxEvents: 5);

        var calls = Enumerable.Range(0, 8).Select(_ => Task.Run(() => buffer.AppendAsync([BufferFixture.Rating()], CancellationToken.None))).ToList();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                return (await c)[0].Seq;
            }
            catch (BufferFullException)
            {
                return -1;
            }
        }));

        Assert.Equal(5, outcomes.Count(s => s > 0));
        Assert.Equal(3, outcomes.Count(s => s < 0));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], outcomes.Where(s => s > 0).Order());
    }
}
