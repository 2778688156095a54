namespace Terminal.Hardware.Board;

/// <summary>A board file is missing or invalid; the message names the file, the field and why.</summary>
public sealed class BoardFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BoardFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BoardFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public BoardFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="file"/>, <paramref name="field"/> and <paramref name="reason"/>.</summary>
    public BoardFileException(string file, string field, string reason)
        : base($"{file}: {field}: {reason}")
    {
        File = file;
        Field = field;
    }

    /// <summary>The board file.</summary>
    public string? File { get; }

    /// <summary>The field path, e.g. <c>keys[2].level</c>.</summary>
    public string? Field { get; }
}
