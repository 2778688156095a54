using System.Globalization;

namespace Terminal.Hardware.AbiProbe;

/// <summary>The probe's text form: one "kind name value" line per value, e.g. "size pollfd 8".</summary>
public static class AbiListing
{
    /// <summary>Reads the lines a probe printed.</summary>
    public static SortedDictionary<string, ulong> Parse(string text) => new(
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(f => $"{f[0]} {f[1]}", f => ulong.Parse(f[2], CultureInfo.InvariantCulture)),
        StringComparer.Ordinal);

    /// <summary>Writes <paramref name="abi"/> in the same form.</summary>
    public static string Format(SortedDictionary<string, ulong> abi) =>
        string.Concat(abi.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value}\n")));
}
