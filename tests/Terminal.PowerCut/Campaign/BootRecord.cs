namespace Terminal.PowerCut.Campaign;

/// <summary>
/// What one boot left in its 9p directory (boots/N/, see Guest/power-cut-boot.sh): the events
/// <c>terminalctl sim …</c> reported committed, the export after the restart, what the subscriber
/// received, the database and layers as the previous cut left them, and the guest's steps.
/// </summary>
internal sealed record BootRecord(
    int Number,
    IReadOnlyList<EventRecord> Reported,
    IReadOnlyList<EventRecord>? Exported,
    IReadOnlyList<EventRecord> Delivered,
    DatabaseSnapshot? Snapshot,
    LayerFiles Layers,
    IReadOnlyList<string> LayerLog,
    IReadOnlyList<string> Steps,
    string TerminalLog)
{
    public static BootRecord Read(string directory, int number)
    {
        string Lines(string name) => Path.Combine(directory, name);
        return new BootRecord(
            number,
            EventRecord.ReadLines(Lines("reported.jsonl")),
            File.Exists(Lines("export.jsonl")) ? EventRecord.ReadLines(Lines("export.jsonl")) : null,
            EventRecord.ReadLines(Lines("delivered.jsonl")),
            DatabaseSnapshot.Read(Path.Combine(directory, "db")),
            LayerFiles.Read(Path.Combine(directory, "layers")),
            File.Exists(Lines("layers.log")) ? File.ReadAllLines(Lines("layers.log")) : [],
            File.Exists(Lines("steps.log")) ? File.ReadAllLines(Lines("steps.log")).Select(l => l.Split(' ', 2)[^1]).ToList() : [],
            File.Exists(Lines("terminal.log")) ? File.ReadAllText(Lines("terminal.log")) : string.Empty);
    }

    /// <summary>The last step the guest began: what was in flight when the power went.</summary>
    public string LastStep => Steps.Count > 0 ? Steps[^1] : "(none)";
}
