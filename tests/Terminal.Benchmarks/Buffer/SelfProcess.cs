using System.Diagnostics;
using System.Reflection;

namespace Terminal.Benchmarks.Buffer;

/// <summary>Starts this benchmark program again in a child mode, so a case gets a fresh process.</summary>
internal static class SelfProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("buffer");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
