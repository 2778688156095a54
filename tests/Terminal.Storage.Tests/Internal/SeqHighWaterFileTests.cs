using Terminal.Storage.Internal;

namespace Terminal.Storage.Tests.Internal;

public sealed class SeqHighWaterFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("terminal-seqfile-").FullName;

    [Theory]
    [InlineData(0, true)]
    [InlineData(1024, false)]
    [InlineData(long.MaxValue, true)]
    public void Write_ThenRead_RoundTrips(long value, bool exact)
    {
        var file = new SeqHighWaterFile(_directory);

        file.Write(new SeqMark(value, exact));

        Assert.Equal(new SeqMark(value, exact), file.Read());
        Assert.False(File.Exists(file.Path + ".tmp"));
    }

    [Fact]
    public void Read_Missing_ReturnsNull() => Assert.Null(new SeqHighWaterFile(_directory).Read());

    [Theory]
    [InlineData("")]
    [InlineData("terminal-seq/1 exact 12")]
    [InlineData("terminal-seq/1 exact 12 12")]
    [InlineData("terminal-seq/1 reserved -5 0")]
    [InlineData("\0\0\0\0")]
    public void Read_Damaged_Throws(string text)
    {
        var file = new SeqHighWaterFile(_directory);
        File.WriteAllText(file.Path, text);

        Assert.Throws<InvalidDataException>(() => file.Read());
    }

    [Fact]
    public void Read_OneDigitChanged_IsDetected()
    {
        var file = new SeqHighWaterFile(_directory);
        file.Write(new SeqMark(4096, Exact: true));
        File.WriteAllText(file.Path, File.ReadAllText(file.Path).Replace("4096", "1096", StringComparison.Ordinal));

        Assert.Throws<InvalidDataException>(() => file.Read());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
