using System.Text.Json;

namespace Terminal.Benchmarks;

/// <summary>Writes a suite's figures to <c>bench-results/{suite}.json</c> under the current directory.</summary>
public static class BenchResults
{
    /// <summary>Serializes <paramref name="figures"/> (indented JSON) and returns the file path.</summary>
    public static string Write(string suite, object figures)
    {
        var dir = Path.Combine(Environment.CurrentDirectory, "bench-results");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, suite + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"wrote {path}");
        return path;
    }
}
