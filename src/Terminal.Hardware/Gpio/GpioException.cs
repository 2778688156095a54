namespace Terminal.Hardware.Gpio;

/// <summary>A GPIO failure with a message a field engineer can act on.</summary>
public sealed class GpioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GpioException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GpioException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public GpioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
