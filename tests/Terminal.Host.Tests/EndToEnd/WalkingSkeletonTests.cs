using System.Text.Json;
using Terminal.TestUtils.Broker;
using Terminal.TestUtils.Processes;

namespace Terminal.Host.Tests.EndToEnd;

/// <summary>
/// The whole path as a separate process: simulated key press → durable buffer → real Mosquitto →
/// an independent subscriber (issue 2). Cooldown 0 so each press is its own rating.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class WalkingSkeletonTests
{
    private const string Topics = "eval/v1/DEV/#";
    private static readonly string[] Settings = ["--Terminal:Rating:Cooldown=00:00:00"];

    [Fact]
    public async Task Presses_ArePublishedWithEveryEnvelopeField_AndKillLeavesTheWillOffline()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri, Settings);
        using var subscriber = await Subscriber.StartAsync(broker, Topics);
        var online = await subscriber.WaitForAsync("/SIM-0001/status", s => s.GetProperty("state").GetString() == "online");
        Assert.True(online.Retained, "the birth status is retained");

        var printed = new List<JsonElement>();
        foreach (var level in new[] { 5, 4, 3 })
        {
            printed.AddRange(await terminal.CtlJsonAsync("sim", "press", level.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var ratings = await subscriber.WaitForAsync("/event/rating", 3);
        Envelope.AssertRating(ratings[0].Json, 5, "非常满意", "k5");
        Envelope.AssertRating(ratings[1].Json, 4, "满意", "k4");
        Envelope.AssertRating(ratings[2].Json, 3, "基本满意", "k3");
        var printedRatings = printed.Where(e => e.GetProperty("type").GetString() == "rating").ToList();
        Assert.Equal(
            ratings.Select(r => r.Json.GetProperty("id").GetString()),
            printedRatings.Select(r => r.GetProperty("id").GetString()));

        var events = await subscriber.WaitForAsync("/event/", printed.Count);
        Envelope.AssertStrictlyIncreasing(events.Select(e => e.Json.GetProperty("seq").GetInt64()));
        Assert.All(events, e => Assert.False(e.Retained));

        terminal.Process.Kill();
        await subscriber.WaitForAsync("/SIM-0001/status", s => s.GetProperty("state").GetString() == "offline");
        using var late = await Subscriber.StartAsync(broker, Topics);
        var retained = await late.WaitForAsync("/SIM-0001/status", s => s.GetProperty("state").GetString() == "offline");
        Assert.True(retained.Retained);
    }

    [Fact]
    public async Task BrokerDown_PressesAreBuffered_ThenAllDeliveredInSeqOrder()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        // A persistent session the broker keeps and queues for while the hall server is away.
        var hall = $"hall-{Guid.NewGuid():N}";
        (await Subscriber.StartAsync(broker, "eval/v1/DEV/SIM-0001/event/#", hall)).Dispose();
        broker.Stop();

        using var terminal = await TerminalUnderTest.StartAsync(broker.Uri, Settings);
        // Start-up may commit faults of its own (e.g. clock-unsynced on a machine without NTP).
        var before = (await terminal.CtlJsonAsync("buffer", "stats"))[0].GetProperty("pending").GetInt64();
        var committed = new List<JsonElement>();
        // Good ratings only: a bad one waits for its reason (ReasonTimeout) before it is committed.
        foreach (var level in new[] { 5, 3, 4, 5, 3 })
        {
            committed.AddRange(await terminal.CtlJsonAsync("sim", "press", level.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Contains(committed, e => e.GetProperty("type").GetString() == "rating");
        var stats = Assert.Single(await terminal.CtlJsonAsync("buffer", "stats"));
        Assert.Equal(before + committed.Count, stats.GetProperty("pending").GetInt64());

        broker.Start();
        await WaitUntilDrainedAsync(terminal);
        using var subscriber = await Subscriber.StartAsync(broker, "eval/v1/DEV/SIM-0001/event/#", hall);
        var delivered = subscriber.Messages(string.Empty).Where(m => m.Topic.Contains("/event/", StringComparison.Ordinal)).ToList();

        var seqs = delivered.Select(m => m.Json.GetProperty("seq").GetInt64()).ToList();
        Assert.True(before + committed.Count == seqs.Count, $"expected {before + committed.Count} events, got seqs {string.Join(",", seqs)}: {string.Join(" | ", delivered.Select(d => d.Json.GetProperty("type") + "/" + d.Json.GetProperty("data").GetRawText()))}");
        Assert.Subset(seqs.ToHashSet(), committed.Select(e => e.GetProperty("seq").GetInt64()).ToHashSet());
        Envelope.AssertStrictlyIncreasing(seqs);
    }

    private static async Task WaitUntilDrainedAsync(TerminalUnderTest terminal)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await terminal.CtlJsonAsync("buffer", "stats"))[0].GetProperty("pending").GetInt64() > 0)
        {
            Assert.False(deadline.IsCancellationRequested, "the buffer did not drain within 60 s of the broker coming back");
            await Task.Yield();
        }
    }
}

/// <summary>End-to-end tests start processes and brokers: run them one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
