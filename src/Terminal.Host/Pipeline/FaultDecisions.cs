using Terminal.Core.Events;
using Terminal.Core.Window;

namespace Terminal.Host.Pipeline;

/// <summary>Faults the host itself raises (reader noise, GPIO overflow, storage, clock), as decisions for the loop.</summary>
internal static class FaultDecisions
{
    public static Decision Fault(this EventFactory events, ServiceWindow window, string code, string detail, string source) =>
        new([events.Create(EventType.Fault, window.Staff, new FaultData { Code = code, Detail = detail, Source = source })], []);
}
