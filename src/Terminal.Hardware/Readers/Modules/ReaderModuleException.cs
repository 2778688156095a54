namespace Terminal.Hardware.Readers.Modules;

/// <summary>A reader module does not answer, or answers as no such chip would; the message names the bus.</summary>
public sealed class ReaderModuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReaderModuleException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReaderModuleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ReaderModuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
