using System.Reflection;

namespace Terminal.Deploy.Tests.Support;

/// <summary>Where the repository's deploy/ files are (recorded at build time: the output may live elsewhere).</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Deploy(string name) => Path.Combine(Root, "deploy", name);
}
