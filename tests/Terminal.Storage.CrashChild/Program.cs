using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Storage;

// usage: Terminal.Storage.CrashChild <data-dir> <round> <producers>
// Appends in a loop from several producers and prints each committed seq on its own line, only
// after AppendAsync returned (= durable). The parent kills it with SIGKILL at a random moment and
// checks that every printed seq survived. Payload: "<round>:<seq>", so reuse would be visible.
var directory = args[0];
var round = args[1];
var producers = int.Parse(args[2], CultureInfo.InvariantCulture);

var options = new EventBufferOptions { DataDirectory = directory };
var buffer = await EventBuffer.OpenAsync(options, TimeProvider.System, NullLogger<EventBuffer>.Instance, CancellationToken.None);
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
var gate = new Lock();
stdout.Write("ready\n");

await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
{
    for (var i = 0; ; i++)
    {
        // Mix single events and small batches, protected and evictable, like presses and faults.
        var count = 1 + (i % 3);
        var drafts = Enumerable.Range(0, count)
            .Select(_ => new EventDraft(p % 2 == 0 ? "rating" : "fault", p % 2 == 1, DateTimeOffset.UtcNow, seq => Encoding.ASCII.GetBytes($"{round}:{seq}")))
            .ToList();
        var stored = await buffer.AppendAsync(drafts, CancellationToken.None);
        lock (gate)
        {
            // One write per line: a kill can cut the pipe between lines, not inside a reported seq.
            stdout.Write(string.Concat(stored.Select(e => e.Seq.ToString(CultureInfo.InvariantCulture) + "\n")));
        }
    }
})));
