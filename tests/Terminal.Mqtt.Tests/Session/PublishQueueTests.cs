using Terminal.Mqtt.Session;

namespace Terminal.Mqtt.Tests.Session;

public sealed class PublishQueueTests
{
    private static OutgoingPublish Publish(string topic, bool priority = false) => new(new MqttApplicationMessage(topic, new byte[] { 1 }), priority);

    private static PublishQueue Connected(int receiveMaximum = 10)
    {
        var queue = new PublishQueue();
        queue.Rewind(sessionPresent: false, receiveMaximum);
        queue.Release();
        return queue;
    }

    [Fact]
    public void TakeNext_StopsAtReceiveMaximum_AndResumesAtPubAck()
    {
        var queue = Connected(receiveMaximum: 2);
        var all = Enumerable.Range(0, 3).Select(i => Publish($"t/{i}")).ToList();
        all.ForEach(queue.Enqueue);

        var a = queue.TakeNext();
        var b = queue.TakeNext();
        Assert.Null(queue.TakeNext());
        queue.Acknowledge(a!.PacketId);

        Assert.Same(all[2], queue.TakeNext());
        Assert.Same(all[1], b);
    }

    [Fact]
    public void Rewind_WithSessionPresent_ResendsWithDupAndOriginalIdsInOrder()
    {
        var queue = Connected();
        var all = Enumerable.Range(0, 3).Select(i => Publish($"t/{i}")).ToList();
        all.ForEach(queue.Enqueue);
        var ids = all.Select(_ => queue.TakeNext()!.PacketId).ToList();

        queue.Rewind(sessionPresent: true, receiveMaximum: 10);
        queue.Release();

        var again = all.Select(_ => queue.TakeNext()!).ToList();
        Assert.Equal(all, again);
        Assert.Equal(ids, again.Select(p => p.PacketId));
        Assert.All(again, p => Assert.True(p.Dup));
    }

    [Fact]
    public void Rewind_WithoutSession_RepublishesAsNewInOrder()
    {
        var queue = Connected();
        var all = Enumerable.Range(0, 3).Select(i => Publish($"t/{i}")).ToList();
        all.ForEach(queue.Enqueue);
        _ = all.Select(_ => queue.TakeNext()).ToList();

        queue.Rewind(sessionPresent: false, receiveMaximum: 10);
        queue.Release();

        var again = all.Select(_ => queue.TakeNext()!).ToList();
        Assert.Equal(all, again);
        Assert.All(again, p => Assert.False(p.Dup));
        Assert.Equal(3, again.Select(p => p.PacketId).Distinct().Count());
    }

    [Fact]
    public void PacketId_IsNotReusedBeforeItsPubAck()
    {
        var queue = Connected(receiveMaximum: 100);
        var first = Publish("t/a");
        queue.Enqueue(first);
        var held = queue.TakeNext()!.PacketId;

        for (var i = 0; i < 70_000; i++)
        {
            queue.Enqueue(Publish("t/b"));
            var next = queue.TakeNext()!;
            Assert.NotEqual(held, next.PacketId);
            Assert.NotEqual(0, next.PacketId);
            queue.Acknowledge(next.PacketId);
        }
    }

    [Fact]
    public void BeforeRelease_OnlyPriorityPublishesGo_AheadOfTheQueue()
    {
        var queue = new PublishQueue();
        queue.Enqueue(Publish("t/event"));
        queue.Rewind(sessionPresent: false, receiveMaximum: 10);
        var birth = Publish("t/status", priority: true);
        queue.Enqueue(birth);

        Assert.Same(birth, queue.TakeNext());
        Assert.Null(queue.TakeNext());
        queue.Release();
        Assert.Equal("t/event", queue.TakeNext()!.Message.Topic);
    }

    [Fact]
    public void Requeue_AfterQuotaExceeded_IsWrittenNextAsANewPacket()
    {
        var queue = Connected();
        var a = Publish("t/a");
        var b = Publish("t/b");
        queue.Enqueue(a);
        queue.Enqueue(b);
        var id = queue.TakeNext()!.PacketId;

        queue.Requeue(id);

        Assert.Same(a, queue.TakeNext());
        Assert.Same(b, queue.TakeNext());
    }

    [Fact]
    public void TryCancel_BeforeWrite_RemovesIt()
    {
        var queue = Connected();
        var a = Publish("t/a");
        var b = Publish("t/b");
        queue.Enqueue(a);
        queue.Enqueue(b);

        Assert.True(queue.TryCancel(a));
        Assert.Same(b, queue.TakeNext());
        Assert.False(queue.TryCancel(b));
    }
}
