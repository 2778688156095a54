using Terminal.Deploy.Tests.Support;

namespace Terminal.Deploy.Tests.Emulated;

/// <summary>
/// qemu user-mode emulation of arm64 programs on the x86-64 build machine
/// (shared/reference/arm64-emulation): binfmt is not registered there, so the emulator is called
/// explicitly, with <c>-L /</c> to find the arm64 loader and libraries multiarch installed.
/// </summary>
internal static class Arm64Emulator
{
    public const string Qemu = "qemu-aarch64-static";

    /// <summary>Emulation is slow and the build machine shared: deadlines are generous.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    public static void Require()
    {
        Run.Require(Qemu, "qemu-user-static");
        foreach (var library in new[] { "libc.so.6", "libstdc++.so.6", "libssl.so.3" })
        {
            Assert.True(
                File.Exists("/usr/lib/aarch64-linux-gnu/" + library),
                $"arm64 {library} is missing: dpkg --add-architecture arm64; apt-get update; apt-get install libc6:arm64 libstdc++6:arm64 libssl3:arm64 (test.sh does)");
        }
    }

    /// <summary>The arguments that run <paramref name="program"/> under the emulator.</summary>
    public static string[] Arguments(string program, params string[] args) => ["-L", "/", program, .. args];
}
