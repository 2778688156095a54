using System.Diagnostics;
using System.Globalization;

namespace Terminal.Hardware.Tests.Interop;

/// <summary>
/// Compiles a C probe with gcc against the machine's kernel headers and reads what it prints,
/// one <c>kind name value</c> per line, keyed <c>"kind name"</c>: the ABI the C# interop must match.
/// </summary>
internal static class HeaderProbe
{
    public static Dictionary<string, ulong> Run(string source, string header)
    {
        Assert.True(File.Exists(header), $"{header} is missing: install linux-libc-dev");
        var dir = Directory.CreateTempSubdirectory("abi-probe-");
        try
        {
            var probe = Path.Combine(dir.FullName, "probe");
            Execute("gcc", ["-Wall", "-Werror", "-o", probe, source]);
            return Execute(probe, [])
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(' '))
                .ToDictionary(f => $"{f[0]} {f[1]}", f => ulong.Parse(f[2], CultureInfo.InvariantCulture));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Execute(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
