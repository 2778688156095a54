using Terminal.Host.SelfTest;
using Terminal.Host.Tests.Fakes;

namespace Terminal.Host.Tests.SelfTest;

public class DiskSpaceCheckTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void FreeSpace_ForTheWholeBufferAndItsLog_Passes()
    {
        var buffer = new StatsBuffer(StatsBuffer.Empty with { MaxBytes = 64 * MiB });

        var part = Assert.Single(new DiskSpaceCheck(buffer, "/data", _ => (64 * MiB) + DiskSpaceCheck.Margin).Run());

        Assert.True(part.Passed, part.Detail);
        Assert.Equal("96 MiB free in /data; the buffer may still grow by 64 MiB", part.Detail);
    }

    [Fact]
    public void FreeSpace_OneByteShort_Fails_NamingTheSetting()
    {
        var buffer = new StatsBuffer(StatsBuffer.Empty with { MaxBytes = 64 * MiB, PendingBytes = 16 * MiB });

        var part = Assert.Single(new DiskSpaceCheck(buffer, "/data", _ => (48 * MiB) + DiskSpaceCheck.Margin - 1).Run());

        Assert.False(part.Passed);
        Assert.Contains("grow by 48 MiB", part.Detail, StringComparison.Ordinal);
        Assert.Contains("Terminal:Buffer:MaxBytes", part.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AvailableBytes_OfATemporaryDirectory_IsWhatTheFilesystemReports()
    {
        var dir = Directory.CreateTempSubdirectory("selftest-disk-").FullName;
        try
        {
            var free = DiskSpaceCheck.AvailableBytes(dir);

            Assert.InRange(free, 1, new DriveInfo("/").TotalSize);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }
}
