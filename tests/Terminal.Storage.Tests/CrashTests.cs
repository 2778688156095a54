using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Terminal.Storage.Tests;

/// <summary>Issue 3 "Done when": SIGKILL at random moments loses no reported seq and reuses none.</summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Rounds = 12;

    [Fact]
    public async Task SigkillAtRandomMoments_KeepsEveryReportedSeqOnce_AndNeverReusesOne()
    {
        await using var fixture = new BufferFixture();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");
        var reported = new Dictionary<long, int>(); // seq → round that reported it

        for (var round = 1; round <= Rounds; round++)
        {
            var killAfter = random.Next(-1, 300);
            using (var child = new CrashChildProcess(fixture.Directory, round, producers: 4))
            {
                await child.KillAfterAsync(killAfter, TimeSpan.FromSeconds(60));
                foreach (var seq in child.Reported)
                {
                    Assert.True(reported.TryAdd(seq, round), $"seq {seq} reported in round {reported.GetValueOrDefault(seq)} and again in round {round}");
                }

                output.WriteLine($"round {round}: killed after {killAfter}, {child.Reported.Count} reported");
            }

            VerifyDatabase(fixture.DatabasePath, reported);

            // Every third round also reopens through the buffer (the others crash on an unclean state).
            if (round % 3 == 0)
            {
                var buffer = await fixture.OpenAsync();
                Assert.DoesNotContain(buffer.Incidents, i => i.Code == BufferIncident.Quarantined);
                var next = await buffer.AppendAsync([BufferFixture.Draft("rating", false, "probe")], CancellationToken.None);
                Assert.True(reported.Count == 0 || next[0].Seq > reported.Keys.Max(), $"seq {next[0].Seq} not above every reported seq");
                await buffer.AcknowledgeAsync([next[0].Seq], CancellationToken.None);
                await buffer.DisposeAsync();
            }
        }

        Assert.True(reported.Count > 0, "no round reported anything: the test proved nothing");
    }

    private static void VerifyDatabase(string path, Dictionary<long, int> reported)
    {
        if (!File.Exists(path))
        {
            Assert.Empty(reported); // killed before the database was ever created
            return;
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open(); // read-write: recovers the WAL the way the next open will
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));

        var rounds = new Dictionary<long, int>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, payload FROM events ORDER BY seq";
            using var reader = command.ExecuteReader();
            var lastRound = 0;
            while (reader.Read())
            {
                var seq = reader.GetInt64(0);
                var parts = Encoding.ASCII.GetString((byte[])reader.GetValue(1)).Split(':');
                var round = int.Parse(parts[0], CultureInfo.InvariantCulture);
                Assert.Equal(seq, long.Parse(parts[1], CultureInfo.InvariantCulture));

                // seq order is round order: a later run never took a seq below an earlier run's.
                Assert.True(round >= lastRound, $"seq {seq} from round {round} follows round {lastRound}: seq reused");
                lastRound = round;
                rounds[seq] = round;
            }
        }

        foreach (var (seq, round) in reported)
        {
            Assert.True(rounds.TryGetValue(seq, out var stored), $"reported seq {seq} (round {round}) is missing");
            Assert.Equal(round, stored);
        }

        // The counters row plus the events appended after it (issue 15: the row is written every
        // CountersInterval appends) is exact, and that tail stays short whatever the backlog.
        var rowSeq = (long)Scalar(connection, "SELECT last_seq FROM counters");
        var tail = (long)Scalar(connection, $"SELECT count(*) FROM events WHERE seq > {rowSeq}");
        Assert.Equal((long)rounds.Count, (long)Scalar(connection, "SELECT pending FROM counters") + tail);
        Assert.InRange(tail, 0, EventBufferOptions.DefaultCountersInterval - 1);
    }

    private static object Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }
}
