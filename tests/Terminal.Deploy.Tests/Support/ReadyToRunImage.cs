using System.Buffers.Binary;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Terminal.Deploy.Tests.Support;

/// <summary>What an assembly's ReadyToRun header (behind the CLI header's ManagedNativeHeader) says.</summary>
internal static class ReadyToRunImage
{
    /// <summary>READYTORUN_FLAG_COMPONENT (the runtime's readytorun.h): the code is in a composite image.</summary>
    private const uint ComponentFlag = 0x20;

    private const uint Signature = 0x00525452; // "RTR"

    /// <summary>How the assembly at <paramref name="path"/> is compiled.</summary>
    public static string Kind(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var header = pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory ?? default;
        if (header.Size == 0)
        {
            return "IL only";
        }

        var data = pe.GetSectionData(header.RelativeVirtualAddress).GetContent(0, 12).AsSpan();
        Assert.Equal(Signature, BinaryPrimitives.ReadUInt32LittleEndian(data));
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        return (flags & ComponentFlag) != 0 ? "composite component" : "ReadyToRun";
    }

    /// <summary>The assemblies compiled whole into the host's composite image (src/Terminal.Host/ReadyToRunComposite.targets).</summary>
    public static IReadOnlySet<string> CompositeRoots() =>
        XDocument.Load(Path.Combine(Repo.Root, "src/Terminal.Host/ReadyToRunComposite.targets"))
            .Descendants("PublishReadyToRunCompositeRoots")
            .SelectMany(item => item.Attribute("Include")!.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
}
