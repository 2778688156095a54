using System.Text.RegularExpressions;

namespace Terminal.Deploy.Tests.Support;

/// <summary>The little an ELF header and dynamic section tell about a native file.</summary>
internal static partial class Elf
{
    /// <summary>e_machine values (elf.h) of the architectures we ship.</summary>
    public static readonly IReadOnlyDictionary<string, ushort> Machines = new Dictionary<string, ushort>
    {
        ["amd64"] = 62, // EM_X86_64
        ["arm64"] = 183, // EM_AARCH64
        ["armhf"] = 40, // EM_ARM
    };

    /// <summary>The file's e_machine, or null when it is not ELF.</summary>
    public static ushort? Machine(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using var file = File.OpenRead(path);
        if (file.Read(header) < header.Length || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F')
        {
            return null;
        }

        return (ushort)(header[18] | header[19] << 8); // e_machine, little-endian on all three
    }

    /// <summary>The DT_NEEDED entries (sonames the dynamic loader must find), through readelf.</summary>
    public static IReadOnlyList<string> Needed(string path)
    {
        var result = Run.Tool("readelf", "-d", "-W", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        return NeededLine().Matches(result.Stdout).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")]
    private static partial Regex NeededLine();
}
