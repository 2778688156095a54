using System.Runtime.InteropServices;
using Terminal.Core.Time;

namespace Terminal.Host.Device;

/// <summary>
/// The device clock on Linux (docs/mqtt.md#time): wall time from <see cref="TimeProvider"/>, NTP state from
/// <c>adjtimex(2)</c>, boot id from <c>/proc/sys/kernel/random/boot_id</c>, uptime from the monotonic clock.
/// </summary>
internal sealed partial class LinuxDeviceClock(TimeProvider time) : IDeviceClock
{
    // adjtimex(2) returns TIME_ERROR (5) while the kernel considers the clock unsynchronised.
    private const int TimeError = 5;

    // Larger than struct timex on every ABI (208 bytes on 64-bit); modes = 0 reads only.
    private const int TimexBufferSize = 512;

    private readonly string _bootId = ReadBootId();

    public ClockReading Read() => new(time.GetUtcNow(), IsSynchronised(), _bootId, Environment.TickCount64);

    /// <summary>Whether the kernel's NTP state says the clock is synchronised.</summary>
    public static bool IsSynchronised()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var buffer = new byte[TimexBufferSize];
        try
        {
            var state = Adjtimex(buffer);
            return state >= 0 && state != TimeError;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static string ReadBootId()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    [LibraryImport("libc", EntryPoint = "adjtimex", SetLastError = true)]
    private static partial int Adjtimex([In, Out] byte[] timex);
}
