namespace Terminal.Storage;

/// <summary>
/// The buffer's database is held by another process, most likely a second terminal started on the
/// same data directory. The file is left as it is: it is not damaged, only busy.
/// </summary>
public sealed class BufferInUseException : IOException
{
    /// <summary>Creates the error for <paramref name="path"/>, held longer than <paramref name="waited"/>.</summary>
    public BufferInUseException(string path, TimeSpan waited, Exception inner)
        : base($"the event buffer {path} is in use by another process (still held after {waited.TotalSeconds:0} s): is another terminal running on the data directory {System.IO.Path.GetDirectoryName(path)}? Stop it first (on a device: systemctl stop terminal)", inner)
    {
        Path = path;
    }

    /// <summary>The database file that is in use.</summary>
    public string Path { get; }
}
