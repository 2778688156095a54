namespace Terminal.Benchmarks;

/// <summary>A named benchmark suite; found by reflection, run as <c>Terminal.Benchmarks &lt;name&gt;</c>.</summary>
public interface IBenchmarkSuite
{
    /// <summary>Suite name, e.g. <c>buffer</c>; results go to <c>bench-results/{name}.json</c>.</summary>
    string Name { get; }

    /// <summary>Runs the suite, prints its figures and writes its JSON; returns the exit code.</summary>
    Task<int> RunAsync(string[] args);
}
