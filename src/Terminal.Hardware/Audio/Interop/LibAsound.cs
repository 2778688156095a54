using System.Runtime.InteropServices;

namespace Terminal.Hardware.Audio.Interop;

/// <summary>
/// The few calls of ALSA's libasound (alsa/pcm.h, alsa/error.h) the voice player needs: open a
/// playback PCM, set its parameters in one call, write interleaved frames, drain or drop, close.
/// </summary>
internal static class LibAsound
{
    /// <summary>The runtime library (package libasound2); there is no unversioned name without the -dev package.</summary>
    public const string Library = "libasound.so.2";

    public const int StreamPlayback = 0;       // SND_PCM_STREAM_PLAYBACK
    public const int OpenNonBlock = 0x1;       // SND_PCM_NONBLOCK
    public const int FormatS16Le = 2;          // SND_PCM_FORMAT_S16_LE
    public const int AccessRwInterleaved = 3;  // SND_PCM_ACCESS_RW_INTERLEAVED

    /// <summary>libasound's default error handler prints to stderr; the player reports errors itself.</summary>
    private static readonly ErrorHandler Silent = (_, _, _, _, _) => { };

    /// <summary><c>snd_lib_error_handler_t</c>; its trailing varargs are never read, so they need no declaration.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void ErrorHandler(nint file, int line, nint function, int err, nint format);

    /// <summary>Stops libasound from printing its own error lines (the caller logs one line with the device named).</summary>
    public static void SilenceErrorOutput() => _ = snd_lib_error_set_handler(Marshal.GetFunctionPointerForDelegate(Silent));

    /// <summary>ALSA's message for a negative error code.</summary>
    public static string Message(int error) => Marshal.PtrToStringUTF8(snd_strerror(error)) ?? $"error {error}";

    [DllImport(Library)]
    public static extern int snd_pcm_open(out nint pcm, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int stream, int mode);

    [DllImport(Library)]
    public static extern int snd_pcm_nonblock(nint pcm, int nonblock);

    [DllImport(Library)]
    public static extern int snd_pcm_set_params(nint pcm, int format, int access, uint channels, uint rate, int softResample, uint latencyUs);

    [DllImport(Library)]
    public static extern nint snd_pcm_writei(nint pcm, ref short buffer, nuint frames);

    [DllImport(Library)]
    public static extern int snd_pcm_recover(nint pcm, int err, int silent);

    [DllImport(Library)]
    public static extern int snd_pcm_delay(nint pcm, out nint delay);

    [DllImport(Library)]
    public static extern int snd_pcm_drain(nint pcm);

    [DllImport(Library)]
    public static extern int snd_pcm_drop(nint pcm);

    [DllImport(Library)]
    public static extern int snd_pcm_close(nint pcm);

    [DllImport(Library)]
    private static extern nint snd_strerror(int errnum);

    [DllImport(Library)]
    private static extern int snd_lib_error_set_handler(nint handler);
}
