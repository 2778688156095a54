using System.Globalization;

namespace Terminal.Hardware.AbiProbe;

/// <summary>What differs between the kernel header's ABI and the .NET interop's, one line per value.</summary>
public static class AbiDifferences
{
    /// <summary>Every key whose value differs or that only one side has, e.g. "size pollfd: header 8, C# 12".</summary>
    public static IReadOnlyList<string> Between(SortedDictionary<string, ulong> header, SortedDictionary<string, ulong> dotnet) =>
        header.Keys.Union(dotnet.Keys)
            .Where(k => !header.TryGetValue(k, out var h) || !dotnet.TryGetValue(k, out var d) || h != d)
            .Select(k => $"{k}: header {Show(header, k)}, C# {Show(dotnet, k)}")
            .ToList();

    private static string Show(SortedDictionary<string, ulong> values, string key) =>
        values.TryGetValue(key, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "missing";
}
