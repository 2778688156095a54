using System.Globalization;

namespace Terminal.PowerCut.Vm;

/// <summary>
/// The 9p work directory the guest runs in: copies of the terminal and terminalctl builds (the
/// guest sees the host root, but not the host's /tmp, and a rebuild during a long campaign must not
/// change what runs), the guest scripts, and one <c>boots/N/</c> directory of records per boot.
/// </summary>
internal sealed class GuestWorkDirectory
{
    private GuestWorkDirectory(string path) => Path = path;

    public string Path { get; }

    public string DiskImage => System.IO.Path.Combine(Path, "disk.img");

    public static GuestWorkDirectory Create(string path, IReadOnlyDictionary<string, string> apps, string script)
    {
        Directory.CreateDirectory(path);
        foreach (var (name, source) in apps)
        {
            Copy(source, System.IO.Path.Combine(path, "app", name));
        }

        foreach (var name in new[] { script, "steps.sh" })
        {
            using var resource = typeof(GuestWorkDirectory).Assembly.GetManifestResourceStream("Guest." + name)
                ?? throw new InvalidOperationException($"guest script {name} is not embedded");
            using var file = File.Create(System.IO.Path.Combine(path, name));
            resource.CopyTo(file);
        }

        File.WriteAllText(System.IO.Path.Combine(path, "guest-cmd.sh"), $"#!/bin/sh\nexec /bin/sh ./{script}\n");
        return new GuestWorkDirectory(path);
    }

    public string BootDirectory(int boot) => System.IO.Path.Combine(Path, "boots", boot.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes boot.env, which the guest script sources: the boot's number and settings.</summary>
    public void PrepareBoot(int boot, IReadOnlyDictionary<string, string> settings)
    {
        var lines = settings.Prepend(new("BOOT", boot.ToString(CultureInfo.InvariantCulture))).Select(kv => $"{kv.Key}={kv.Value}\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "boot.env"), string.Concat(lines));
        Directory.CreateDirectory(BootDirectory(boot));
    }

    private static void Copy(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"{source} does not exist");
        }

        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, dir)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file)), overwrite: true);
        }
    }
}
