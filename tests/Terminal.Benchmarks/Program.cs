using System.Reflection;
using Terminal.Benchmarks;

// usage: dotnet run --project tests/Terminal.Benchmarks -c Release -- <suite> [args]
// Each suite prints its figures and writes bench-results/<suite>.json.
var suites = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmarkSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

var wanted = args.FirstOrDefault();
var suite = suites.FirstOrDefault(s => s.Name == wanted);
if (suite is null)
{
    Console.Error.WriteLine($"usage: Terminal.Benchmarks <suite> [args]; suites: {string.Join(", ", suites.Select(s => s.Name))}");
    return 2;
}

return await suite.RunAsync(args[1..]).ConfigureAwait(false);
