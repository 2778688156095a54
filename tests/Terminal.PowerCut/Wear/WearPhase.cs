using System.Globalization;

namespace Terminal.PowerCut.Wear;

/// <summary>One measured phase of <c>wear</c>: a WEAR line of wear.out.</summary>
internal sealed record WearPhase(string Name, int Presses, int Events, double Seconds, int? PageSize, BlockDeviceCounters Written)
{
    public double BytesPerPress => Written.SectorsWritten * 512.0 / Presses;

    public double WritesPerPress => (double)Written.Writes / Presses;

    public double FlushesPerPress => (double)Written.Flushes / Presses;

    public double JournalCommitsPerPress => (double)Written.JournalCommits / Presses;

    /// <summary>Parses <c>WEAR name presses=N events=E seconds=S [pageSize=P] before=… after=…</c>.</summary>
    public static WearPhase Parse(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var fields = parts.Skip(2).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var written = BlockDeviceCounters.Parse(fields["after"]) - BlockDeviceCounters.Parse(fields["before"]);
        return new WearPhase(
            parts[1],
            int.Parse(fields["presses"], CultureInfo.InvariantCulture),
            int.Parse(fields["events"], CultureInfo.InvariantCulture),
            double.Parse(fields["seconds"], CultureInfo.InvariantCulture),
            fields.TryGetValue("pageSize", out var page) ? int.Parse(page, CultureInfo.InvariantCulture) : null,
            written);
    }
}
