namespace Terminal.Mqtt.Tests.Support;

/// <summary>
/// What the host's publisher does, with an in-memory pending list instead of the SQLite buffer:
/// every event is published in seq order without waiting for the previous PUBACK, and leaves the
/// pending list only at its PUBACK.
/// </summary>
internal static class Drain
{
    public static async Task<HashSet<int>> RunAsync(IMqttClient client, string topic, int count, CancellationToken cancellationToken)
    {
        var pending = new HashSet<int>(Enumerable.Range(0, count));
        var acks = new List<Task>(count);
        for (var seq = 0; seq < count; seq++)
        {
            var s = seq;
            acks.Add(client.PublishAsync(new MqttApplicationMessage(topic, BitConverter.GetBytes(s)), cancellationToken)
                .ContinueWith(t => { if (t.IsCompletedSuccessfully) { lock (pending) { pending.Remove(s); } } }, TaskScheduler.Default));
        }

        await Task.WhenAll(acks);
        return pending;
    }

    /// <summary>Checks that all of 0..count-1 arrived and that first arrivals are in order (duplicates allowed: at least once).</summary>
    public static void AssertAllInOrder(IEnumerable<MqttApplicationMessage> received, int count)
    {
        var seen = new HashSet<int>();
        var firsts = new List<int>();
        foreach (var value in received.Select(m => BitConverter.ToInt32(m.Payload.Span)))
        {
            if (seen.Add(value))
            {
                firsts.Add(value);
            }
        }

        Assert.Equal(count, seen.Count);
        for (var i = 1; i < firsts.Count; i++)
        {
            Assert.True(firsts[i] > firsts[i - 1], $"seq {firsts[i]} arrived first after {firsts[i - 1]} (position {i})");
        }
    }
}
