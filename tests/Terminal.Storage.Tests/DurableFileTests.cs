
namespace Terminal.Storage.Tests;

public sealed class DurableFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("durable-").FullName;

    [Fact]
    public void Write_ReplacesTheContentWhole_AndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_dir, "roster.json");

        DurableFile.Write(path, "first"u8);
        DurableFile.Write(path, "second, longer"u8);

        Assert.Equal("second, longer", File.ReadAllText(path));
        Assert.Equal(["roster.json"], Directory.EnumerateFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Delete_RemovesTheFile_AndIgnoresOneThatIsNotThere()
    {
        var path = Path.Combine(_dir, "held-rating.json");
        DurableFile.Write(path, "{}"u8);

        DurableFile.Delete(path);
        DurableFile.Delete(path);

        Assert.False(File.Exists(path));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
