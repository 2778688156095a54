using System.Diagnostics;
using System.Text.Json;
using Terminal.PowerCut.Vm;

namespace Terminal.PowerCut.Readers;

/// <summary>
/// One boot of the gpio-sim VM running Guest/usb-reader.sh (issue 16): the terminal's build output
/// on a board file with a usb-hid reader whose device is a uinput keyboard, typed on, unplugged and
/// plugged back from inside the guest. What it left in <c>run/</c> (9p): the events a subscriber
/// received, the guest's steps (each after the guest's uptime in seconds) and the logs.
/// </summary>
internal sealed record UsbReaderRun(
    int GuestExit,
    TimeSpan Duration,
    IReadOnlyList<JsonElement> Delivered,
    IReadOnlyList<string> Steps,
    string TerminalLog,
    string KeyboardLog)
{
    private const string Script = "usb-reader.sh";
    private static readonly TimeSpan GuestLimit = TimeSpan.FromMinutes(20);

    /// <summary>Boots the guest once; the work directory is removed afterwards unless the guest failed.</summary>
    public static UsbReaderRun Boot(TextWriter output)
    {
        var kernel = GuestKernel.Locate();
        var path = Directory.CreateTempSubdirectory("usb-reader-").FullName;
        var apps = new Dictionary<string, string> { ["terminal"] = RepositoryLayout.TerminalBuild, ["checks"] = RepositoryLayout.KernelChecksBuild };
        var work = GuestWorkDirectory.Create(path, apps, Script);
        var records = Path.Combine(path, "run");
        var started = Stopwatch.GetTimestamp();
        int exit;
        using (var boot = GuestBoot.Start(kernel, work.Path, disk: null, records, GuestLimit))
        {
            exit = boot.WaitForExit(GuestLimit);
        }

        var run = Read(records, exit, Stopwatch.GetElapsedTime(started));
        if (exit == 0)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            output.WriteLine($"usb-reader: the guest exited {exit}; records kept in {records}");
        }

        return run;
    }

    /// <summary>The envelopes received of type <paramref name="type"/>, in <c>seq</c> order, each once (docs/mqtt.md#delivery: drop duplicates by id).</summary>
    public IReadOnlyList<JsonElement> Events(string type) =>
        [.. Delivered.Where(e => e.GetProperty("type").GetString() == type).DistinctBy(e => e.GetProperty("id").GetString()).OrderBy(e => e.GetProperty("seq").GetInt64())];

    private static UsbReaderRun Read(string directory, int exit, TimeSpan duration)
    {
        string Text(string name) => File.Exists(Path.Combine(directory, name)) ? File.ReadAllText(Path.Combine(directory, name)) : string.Empty;
        var delivered = Text("delivered.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(Parse)
            .Where(e => e.TryGetProperty("seq", out _))
            .ToList();
        var steps = Text("steps.log").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new UsbReaderRun(exit, duration, delivered, steps, Text("terminal.log"), Text("keyboard.log"));
    }

    private static JsonElement Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.Clone();
    }
}
