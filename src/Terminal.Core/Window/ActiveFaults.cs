using Terminal.Core.Events;

namespace Terminal.Core.Window;

/// <summary>
/// Faults the host reports about parts that stay broken until they recover (a reader offline, the
/// speaker failing): recorded once when raised, listed in the status while active (SPEC §5.3).
/// </summary>
internal sealed class ActiveFaults(WindowContext context)
{
    private readonly SortedSet<(string Code, string Source)> _active = [];

    /// <summary>Codes of the active faults, once each.</summary>
    public IEnumerable<string> Codes => _active.Select(f => f.Code).Distinct(StringComparer.Ordinal);

    /// <summary>Records the fault unless the same part already has it active.</summary>
    public void Raise(string code, string detail, string source, DecisionBuilder decision)
    {
        if (_active.Add((code, source)))
        {
            decision.Commit(Fault(code, detail, source));
        }
    }

    /// <summary>Ends the part's fault; records <paramref name="recoveredCode"/> (e.g. <c>reader-restored</c>) when given and the fault was active.</summary>
    public void Clear(string code, string source, string? recoveredCode, string detail, DecisionBuilder decision)
    {
        if (_active.Remove((code, source)) && recoveredCode is not null)
        {
            decision.Commit(Fault(recoveredCode, detail, source));
        }
    }

    /// <summary>A fault that happened and is over (noise, an overflow): recorded, not kept.</summary>
    public EventEnvelope Fault(string code, string detail, string source) =>
        context.Events.Create(EventType.Fault, context.Staff, new FaultData { Code = code, Detail = detail, Source = source });
}
