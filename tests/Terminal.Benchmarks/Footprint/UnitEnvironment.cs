namespace Terminal.Benchmarks.Footprint;

/// <summary>
/// The variables deploy/terminal.service sets for the terminal (its <c>Environment=</c> lines), so the
/// benchmark measures the program as the device runs it: allocator and GC settings live there.
/// </summary>
internal static class UnitEnvironment
{
    public static Dictionary<string, string> Read(string repo)
    {
        var unit = Path.Combine(repo, "deploy", "terminal.service");
        var variables = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(unit).Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)))
        {
            foreach (var assignment in line["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || assignment.Contains('"', StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{unit}: cannot read '{assignment}' in '{line}' (expected NAME=value without quotes)");
                }

                variables[assignment[..equals]] = assignment[(equals + 1)..];
            }
        }

        return variables;
    }

    /// <summary>The unit's variables with <paramref name="more"/> added.</summary>
    public static Dictionary<string, string> With(IReadOnlyDictionary<string, string> unit, params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string>(unit);
        foreach (var (name, value) in more)
        {
            variables[name] = value;
        }

        return variables;
    }
}
