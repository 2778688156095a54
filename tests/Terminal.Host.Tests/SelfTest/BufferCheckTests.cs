using Terminal.Host.SelfTest;
using Terminal.Host.Tests.Fakes;

namespace Terminal.Host.Tests.SelfTest;

public sealed class BufferCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("selftest-buffer-").FullName;

    [Fact]
    public void OpenBuffer_InWritableDirectory_PassesAndLeavesNoFileBehind()
    {
        var part = Assert.Single(new BufferCheck(new StatsBuffer(StatsBuffer.Empty with { Pending = 3, LastSeq = 42 }), _dir).Run());

        Assert.True(part.Passed, part.Detail);
        Assert.Equal("buffer", part.Name);
        Assert.Contains("3 of 1000 events", part.Detail, StringComparison.Ordinal);
        Assert.Contains("last seq 42", part.Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public void FullBuffer_Fails_SayingRatingsAreRefused()
    {
        var part = Assert.Single(new BufferCheck(new StatsBuffer(StatsBuffer.Empty with { Pending = 1000, Full = true }), _dir).Run());

        Assert.False(part.Passed);
        Assert.Contains("buffer full", part.Detail, StringComparison.Ordinal);
        Assert.Contains("refused", part.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDataDirectory_Fails_NamingTheDirectory()
    {
        var missing = Path.Combine(_dir, "gone");

        var part = Assert.Single(new BufferCheck(new StatsBuffer(StatsBuffer.Empty), missing).Run());

        Assert.False(part.Passed);
        Assert.Contains($"cannot write in {missing}", part.Detail, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
