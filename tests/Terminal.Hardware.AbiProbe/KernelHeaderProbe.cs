using System.Diagnostics;

namespace Terminal.Hardware.AbiProbe;

/// <summary>
/// gpio-abi-probe.c compiled for a target and run there: natively for the host, or with a cross
/// gcc and qemu user-mode emulation for aarch64 and 32-bit ARM (binfmt is not registered on the
/// build machines, so the emulator is called explicitly with the target's libc as <c>-L</c>).
/// </summary>
public sealed record KernelHeaderProbe(string Name, string Compiler, string? Emulator = null, string? Sysroot = null)
{
    /// <summary>The build machine itself.</summary>
    public static KernelHeaderProbe Host { get; } = new("host", "gcc");

    /// <summary>64-bit ARM (Raspberry Pi OS 64-bit): apt-get install gcc-aarch64-linux-gnu qemu-user-static.</summary>
    public static KernelHeaderProbe Aarch64 { get; } = new("aarch64", "aarch64-linux-gnu-gcc", "qemu-aarch64-static", "/usr/aarch64-linux-gnu");

    /// <summary>32-bit ARM (armhf): apt-get install gcc-arm-linux-gnueabihf qemu-user-static.</summary>
    public static KernelHeaderProbe Armhf { get; } = new("armhf", "arm-linux-gnueabihf-gcc", "qemu-arm-static", "/usr/arm-linux-gnueabihf");

    /// <summary>Compiles and runs the probe; every "kind name value" line it printed.</summary>
    /// <exception cref="InvalidOperationException">A tool is missing or failed (its output is in the message).</exception>
    public SortedDictionary<string, ulong> Run()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "gpio-abi-probe.c");
        var dir = Directory.CreateTempSubdirectory($"gpio-abi-{Name}-");
        try
        {
            var probe = Path.Combine(dir.FullName, "probe");
            Execute(Compiler, ["-Wall", "-Werror", "-o", probe, source]);
            var output = Emulator is null ? Execute(probe, []) : Execute(Emulator, ["-L", Sysroot!, probe]);
            return AbiListing.Parse(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Execute(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} cannot be started ({e.Message}); see test.sh PACKAGES", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? stdout : throw new InvalidOperationException($"{program} exited {process.ExitCode}: {stderr.Result}");
        }
    }
}
