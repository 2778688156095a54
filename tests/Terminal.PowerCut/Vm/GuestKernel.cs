namespace Terminal.PowerCut.Vm;

/// <summary>The gpio-sim test kernel (tests/gpio-sim/build-kernel.sh): built once, then a cache hit.</summary>
internal static class GuestKernel
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(60);

    /// <summary>Path of the cached bzImage, building it first if needed (~4 min on 2 idle cores).</summary>
    public static string Locate()
    {
        var output = HostCommand.Run(Path.Combine(RepositoryLayout.GpioSim, "build-kernel.sh"), [], BuildTimeout);
        return output.Trim().Split('\n')[^1];
    }
}
