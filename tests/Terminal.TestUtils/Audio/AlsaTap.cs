using System.Runtime.InteropServices;

namespace Terminal.TestUtils.Audio;

/// <summary>
/// Hears what a player sends to ALSA without a sound card (recipe: shared/reference/audio-tap): the
/// PCM <c>tap:FILE=…</c> is a <c>type file</c> PCM that writes every sample it is given, as raw
/// S16_LE, into FILE, and plays it on the <c>null</c> PCM. The process's ALSA_CONFIG_PATH is set
/// once to ALSA's own configuration plus that definition. A directory per instance, deleted on dispose.
/// </summary>
/// <example>
/// <code>
/// using var tap = new AlsaTap();
/// var device = tap.Device("played.raw");   // give this to the player as its ALSA PCM
/// // ... play ...
/// var samples = File.ReadAllBytes(tap.File("played.raw"));
/// </code>
/// </example>
public sealed class AlsaTap : IDisposable
{
    private static readonly Lazy<string> Config = new(WriteConfig);

    public AlsaTap()
    {
        _ = Config.Value;
        Directory = System.IO.Directory.CreateTempSubdirectory("alsa-tap-").FullName;
    }

    /// <summary>Where the tap's files go.</summary>
    public string Directory { get; }

    /// <summary>ALSA_CONFIG_PATH as set for this process (child processes such as aplay inherit it).</summary>
    public static string ConfigPath => Config.Value;

    /// <summary>The ALSA PCM name that writes into <see cref="File"/>(<paramref name="name"/>).</summary>
    public string Device(string name) => $"tap:FILE={File(name)}";

    /// <summary>The path of a file in the tap's directory.</summary>
    public string File(string name) => Path.Combine(Directory, name);

    /// <summary>
    /// Makes <see cref="File"/>(<paramref name="name"/>) a named pipe: a player writing to it blocks
    /// until the test reads, so the test decides how far a prompt gets before the next cue.
    /// </summary>
    public string Fifo(string name)
    {
        var path = File(name);
        if (Native.mkfifo(path, 0x180 /* 0600 */) != 0)
        {
            throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string WriteConfig()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("alsa-tap-conf-").FullName;
        var conf = Path.Combine(dir, "asound.conf");
        System.IO.File.WriteAllText(conf, """
            pcm.tap {
              @args [ FILE ]
              @args.FILE { type string }
              type file
              slave.pcm "null"
              file $FILE
              format "raw"
            }

            """);
        var path = "/usr/share/alsa/alsa.conf:" + conf;
        // libasound reads the C environment; .NET's Environment keeps its own copy (for children).
        if (Native.setenv("ALSA_CONFIG_PATH", path, 1) != 0)
        {
            throw new InvalidOperationException("setenv ALSA_CONFIG_PATH failed");
        }

        Environment.SetEnvironmentVariable("ALSA_CONFIG_PATH", path);
        return path;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

        [DllImport("libc", SetLastError = true)]
        public static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
    }
}
