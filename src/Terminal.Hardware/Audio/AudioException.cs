namespace Terminal.Hardware.Audio;

/// <summary>The speaker cannot play: the ALSA device is missing, busy, or refused a write. The message names the device.</summary>
public sealed class AudioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AudioException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AudioException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public AudioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
