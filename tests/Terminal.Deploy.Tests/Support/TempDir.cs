namespace Terminal.Deploy.Tests.Support;

/// <summary>A temporary directory removed with everything in it.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "deploy-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative.TrimStart('/'));

    public string Write(string relative, string content, UnixFileMode? mode = null)
    {
        var file = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        if (mode is { } m)
        {
            File.SetUnixFileMode(file, m);
        }

        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
