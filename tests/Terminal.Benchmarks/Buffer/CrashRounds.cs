using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Terminal.Storage;

namespace Terminal.Benchmarks.Buffer;

/// <summary>
/// The long crash run (issue 3: ≥ 200 rounds): a child appends from 4 producers and prints each
/// committed seq; it is SIGKILLed after a random number of reports; every reported seq must be in
/// the database exactly once with its own round's payload, and integrity_check must say ok.
/// </summary>
internal static class CrashRounds
{
    public sealed record Result(int Rounds, long Reported, long Lost, long Reused, int IntegrityFailures, int Seed);

    /// <summary>Child mode: append forever, print "seq\n" after each commit.</summary>
    public static async Task<int> RunChildAsync(string directory, string round)
    {
        await using var buffer = await AppendThroughput.OpenAsync(directory);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            while (true)
            {
                var drafts = new[] { new EventDraft(p % 2 == 0 ? "rating" : "fault", p % 2 == 1, DateTimeOffset.UtcNow, seq => Encoding.ASCII.GetBytes($"{round}:{seq}")) };
                var stored = await buffer.AppendAsync(drafts, CancellationToken.None);
                lock (gate)
                {
                    stdout.Write(string.Concat(stored.Select(e => e.Seq.ToString(CultureInfo.InvariantCulture) + "\n")));
                }
            }
        })));
        return 0;
    }

    public static Result Run(string directory, int rounds, int seed)
    {
        var random = new Random(seed);
        var reported = new Dictionary<long, int>();
        long lost = 0, reused = 0;
        var integrityFailures = 0;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var seq in RunRound(directory, round, random.Next(0, 300)))
            {
                reused += reported.TryAdd(seq, round) ? 0 : 1;
            }

            var (missing, reuse, integrityOk) = Verify(Path.Combine(directory, "events.db"), reported);
            lost = missing;
            reused += reuse;
            integrityFailures += integrityOk ? 0 : 1;
            if (round % 20 == 0)
            {
                Console.WriteLine($"  crash round {round}/{rounds}: {reported.Count} reported so far, lost {lost}, reused {reused}");
            }
        }

        return new Result(rounds, reported.Count, lost, reused, integrityFailures, seed);
    }

    private static List<long> RunRound(string directory, int round, int killAfter)
    {
        using var process = Process.Start(SelfProcess.StartInfo("--crash-child", directory, round.ToString(CultureInfo.InvariantCulture)))!;
        var stream = process.StandardOutput.BaseStream;
        var text = new StringBuilder();
        var buffer = new byte[4096];
        var killed = false;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            if (!killed && text.ToString().Count(c => c == '\n') >= killAfter)
            {
                process.Kill(); // SIGKILL; keep reading what was already in the pipe
                killed = true;
            }
        }

        process.WaitForExit();
        var all = text.ToString();
        return [.. all[..(all.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(l, CultureInfo.InvariantCulture))];
    }

    private static (long Missing, long Reused, bool IntegrityOk) Verify(string path, Dictionary<long, int> reported)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var integrityOk = (string)check.ExecuteScalar()! == "ok";

        var stored = new Dictionary<long, int>();
        long reused = 0;
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT seq, payload FROM events ORDER BY seq";
        using var reader = select.ExecuteReader();
        var lastRound = 0;
        while (reader.Read())
        {
            var parts = Encoding.ASCII.GetString((byte[])reader.GetValue(1)).Split(':');
            var round = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var seq = reader.GetInt64(0);
            reused += round < lastRound || long.Parse(parts[1], CultureInfo.InvariantCulture) != seq ? 1 : 0;
            lastRound = Math.Max(lastRound, round);
            stored[seq] = round;
        }

        var missing = reported.Count(r => !stored.TryGetValue(r.Key, out var round) || round != r.Value);
        return (missing, reused, integrityOk);
    }
}
