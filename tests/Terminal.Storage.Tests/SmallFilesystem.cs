using System.Diagnostics;
using Xunit.Abstractions;

namespace Terminal.Storage.Tests;

/// <summary>
/// A genuinely small filesystem for the disk-full test: a size-limited tmpfs, mounted when the
/// tests run as root (CI). Elsewhere <see cref="Mounted"/> is false and the caller falls back to
/// SQLite's max_page_count. TERMINAL_TEST_NO_MOUNT=1 forces the fallback, to exercise it as root.
/// </summary>
internal sealed class SmallFilesystem : IDisposable
{
    public SmallFilesystem(long sizeBytes, ITestOutputHelper output)
    {
        Directory = Path.Combine(Path.GetTempPath(), "terminal-smallfs-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        if (!Environment.IsPrivilegedProcess || Environment.GetEnvironmentVariable("TERMINAL_TEST_NO_MOUNT") == "1")
        {
            output.WriteLine("not root (or TERMINAL_TEST_NO_MOUNT=1): no small tmpfs, falling back to SQLite max_page_count");
            return;
        }

        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={sizeBytes}", "tmpfs", Directory);
        Mounted = code == 0;
        output.WriteLine(Mounted
            ? $"mounted a {sizeBytes}-byte tmpfs at {Directory}"
            : $"mount failed ({error.Trim()}): falling back to SQLite max_page_count");
    }

    public string Directory { get; }

    public bool Mounted { get; }

    public void Dispose()
    {
        if (Mounted)
        {
            Run("umount", Directory);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static (int Code, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
