using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Terminal.Benchmarks.Footprint;

/// <summary>
/// What the footprint suite runs: the packages as they ship (deploy/build-package.sh), unpacked,
/// an arm64 package built without ReadyToRun for comparison, and the bare host published the same
/// way, with default runtime settings and with the terminal's.
/// </summary>
internal sealed record FootprintBuilds(string Arm64ReadyToRun, string Arm64Jit, string Amd64, string BareDefault, string BareTuned)
{
    public static FootprintBuilds Prepare(string repo, string? packages, string work)
    {
        if (packages is null)
        {
            packages = Path.Combine(repo, "artifacts", "bench-packages");
            Directory.CreateDirectory(packages);
            Tool(repo, Path.Combine(repo, "deploy/build-package.sh"), "--arch", "arm64", "--arch", "amd64", "--version", "0.0.0", "--out", packages);
            Tool(repo, Path.Combine(repo, "deploy/build-package.sh"), "--arch", "arm64", "--no-ready-to-run", "--version", "0.0.0+jit", "--out", packages);
            Console.WriteLine($"packages in {packages} (reuse: footprint --packages {packages})");
        }

        string Unpack(string pattern, string name)
        {
            var deb = Directory.GetFiles(packages, pattern).Single(f => pattern.Contains("+jit", StringComparison.Ordinal) || !f.Contains("+jit", StringComparison.Ordinal));
            var root = Path.Combine(work, name);
            Tool(repo, "dpkg-deb", "-x", deb, root);
            return Directory.GetDirectories(Path.Combine(root, "opt/terminal/releases")).Single();
        }

        var bareDefault = Path.Combine(work, "bare-default");
        Tool(repo, "dotnet", "publish", Path.Combine(repo, "tests/Terminal.Benchmarks.BareHost"), "-c", "Release", "-r", "linux-x64", "--self-contained",
            "-p:PublishReadyToRun=true", "-o", bareDefault, "--artifacts-path", Path.Combine(work, "bare-artifacts"), "-nologo", "-v", "quiet");
        var amd64 = Unpack("terminal_*_amd64.deb", "amd64");
        return new FootprintBuilds(Unpack("terminal_*_arm64.deb", "arm64"), Unpack("terminal_*+jit_arm64.deb", "arm64-jit"), amd64, bareDefault, Tuned(bareDefault, amd64));
    }

    /// <summary>A copy of the bare host whose runtimeconfig carries the terminal's runtime settings (GC, thread pool).</summary>
    private static string Tuned(string bare, string terminal)
    {
        var tuned = bare + "-tuned";
        Directory.CreateDirectory(tuned);
        foreach (var file in Directory.GetFiles(bare))
        {
            File.Copy(file, Path.Combine(tuned, Path.GetFileName(file)));
        }

        var config = Path.Combine(tuned, "Terminal.Benchmarks.BareHost.runtimeconfig.json");
        var ours = JsonNode.Parse(File.ReadAllText(config))!;
        var theirs = JsonNode.Parse(File.ReadAllText(Path.Combine(terminal, "terminal.runtimeconfig.json")))!;
        var properties = ours["runtimeOptions"]!["configProperties"]!.AsObject();
        foreach (var (key, value) in theirs["runtimeOptions"]!["configProperties"]!.AsObject())
        {
            properties[key] = value?.DeepClone();
        }

        File.WriteAllText(config, ours.ToJsonString());
        return tuned;
    }

    private static void Tool(string repo, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = repo, UseShellExecute = false, RedirectStandardOutput = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}");
        }
    }
}
