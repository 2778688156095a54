using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Terminal.Hardware.AbiProbe;

/// <summary>
/// The layout a type's metadata declares, computed for a target this process does not run on
/// (32-bit ARM, where no .NET runtime pack is served): explicit offsets and sizes as declared,
/// sequential fields placed at their natural alignment, <c>nint</c>/<c>nuint</c> of the target's
/// pointer size, 64-bit fields aligned as the target's C ABI does (8 on ARM EABI and AArch64).
/// The tests check these rules against <see cref="RuntimeLayout"/> where both can run.
/// </summary>
public sealed class DeclaredLayout(int pointerSize, int int64Alignment) : ILayoutRules
{
    /// <inheritdoc/>
    public ulong SizeOf(Type type) => (ulong)Measure(type).Size;

    /// <inheritdoc/>
    public ulong OffsetOf(Type type, string field) => (ulong)Measure(type).Offsets[field];

    private (int Size, int Alignment, Dictionary<string, int> Offsets) Measure(Type type)
    {
        if (type.IsEnum)
        {
            type = Enum.GetUnderlyingType(type);
        }

        if (type.IsPrimitive)
        {
            var size = type == typeof(nint) || type == typeof(nuint) ? pointerSize : Marshal.SizeOf(type);
            return (size, size == 8 ? int64Alignment : size, []);
        }

        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .OrderBy(f => f.MetadataToken)
            .ToList();
        if (type.GetCustomAttribute<InlineArrayAttribute>() is { } inline)
        {
            var element = Measure(fields.Single().FieldType);
            return (element.Size * inline.Length, element.Alignment, new() { [fields[0].Name] = 0 });
        }

        var layout = type.StructLayoutAttribute ?? throw new InvalidOperationException($"{type} has no layout");
        int alignment = 1, extent = 0;
        var offsets = new Dictionary<string, int>();
        foreach (var field in fields)
        {
            var (size, natural, _) = Measure(field.FieldType);
            var fieldAlignment = layout.Pack > 0 ? Math.Min(natural, layout.Pack) : natural;
            var offset = layout.Value == LayoutKind.Explicit
                ? field.GetCustomAttribute<FieldOffsetAttribute>()!.Value
                : RoundUp(extent, fieldAlignment);
            offsets[field.Name] = offset;
            extent = Math.Max(extent, offset + size);
            alignment = Math.Max(alignment, fieldAlignment);
        }

        return (RoundUp(Math.Max(extent, layout.Size), alignment), alignment, offsets);
    }

    private static int RoundUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
