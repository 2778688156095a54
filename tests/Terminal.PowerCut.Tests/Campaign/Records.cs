using Terminal.PowerCut.Campaign;

namespace Terminal.PowerCut.Tests.Campaign;

/// <summary>Synthetic boot records for the checks' unit tests.</summary>
internal static class Records
{
    public static EventRecord Event(long seq, string type = "attendance", string? id = null) =>
        new(id ?? $"id-{seq}", seq, type, null, null, null, null, null);

    public static EventRecord RatedClose(long seq, string session) =>
        new($"id-{seq}", seq, "session", session, "closed", "rated", null, null);

    public static EventRecord Rating(long seq, string session) =>
        new($"id-{seq}", seq, "rating", session, null, null, null, null);

    public static EventRecord Fault(long seq, string code) =>
        new($"id-{seq}", seq, "fault", null, null, null, null, code, "detail");

    public static BootRecord Boot(
        int number,
        IReadOnlyList<EventRecord>? reported = null,
        IReadOnlyList<EventRecord>? exported = null,
        IReadOnlyList<EventRecord>? delivered = null,
        IReadOnlyList<EventRecord>? stored = null,
        IReadOnlyList<string>? problems = null,
        LayerFiles? layers = null,
        IReadOnlyList<string>? layerLog = null) =>
        new(
            number,
            reported ?? [],
            exported ?? [],
            delivered ?? [],
            number == 0 ? null : new DatabaseSnapshot(stored ?? [], problems ?? []),
            layers ?? new LayerFiles(null, null, null),
            layerLog ?? [],
            ["boot", "load"],
            string.Empty);
}
