using Terminal.Core.Events;

namespace Terminal.Host.FrontPanel;

/// <summary>
/// How the page names an active fault in its banner (docs/mqtt.md#status <c>faults</c>), so the staff member at
/// the window sees at once why a key or the reader does not answer. A code without a label is shown as is.
/// </summary>
internal static class FaultLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [FaultCodes.KeyStuck] = "按键卡住",
        [FaultCodes.StorageFull] = "存储已满",
        [FaultCodes.StorageNearFull] = "存储将满",
        [FaultCodes.ReaderOffline] = "读卡器离线",
        [FaultCodes.Audio] = "扬声器故障",
        [FaultCodes.ClockUnsynced] = "时钟未同步",
    };

    /// <summary>The Chinese label of <paramref name="code"/>, or the code itself.</summary>
    public static string For(string code) => Labels.GetValueOrDefault(code, code);
}
